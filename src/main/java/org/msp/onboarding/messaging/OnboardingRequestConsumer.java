package org.msp.onboarding.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.msp.onboarding.persistence.SagaIntakeStore;
import org.msp.onboarding.runner.SagaIntake;
import org.msp.onboarding.runner.SagaRunner;
import org.msp.onboarding.saga.request.ClientRequest;

/**
 * Takes "new client" events off Kafka and only persists them: NinjaOne is never called here, so a
 * slow NinjaOne cannot stall a partition. Records come a poll at a time: the valid ones are
 * accepted in one transaction (one commit per poll rather than per record, which capped intake at
 * about 30 requests a second), the invalid ones go to the dead-letter topic with their reason. The
 * offsets are committed after this method returns, i.e. after the sagas are committed and the dead
 * letters acknowledged.
 */
@ApplicationScoped
public class OnboardingRequestConsumer {
  private static final Logger LOG = Logger.getLogger(OnboardingRequestConsumer.class);

  private final RequestParser parser;
  private final DurableIntake intake;
  private final SagaRunner runner;
  private final DeadLetters deadLetters;

  public OnboardingRequestConsumer(
      RequestParser parser, DurableIntake intake, SagaRunner runner, DeadLetters deadLetters) {
    this.parser = parser;
    this.intake = intake;
    this.runner = runner;
    this.deadLetters = deadLetters;
  }

  /** A valid record and the request read from it. */
  private record Parsed(ConsumerRecord<String, byte[]> record, SagaIntake.Request request) {}

  @Incoming(Topics.REQUESTS_CHANNEL)
  @Blocking // JDBC blocks; ordered per channel keeps a client's events in order.
  public void consume(ConsumerRecords<String, byte[]> records) {
    List<Parsed> valid = new ArrayList<>();
    List<DeadLetters.Letter> refused = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      try {
        valid.add(
            new Parsed(
                record,
                new SagaIntake.Request(
                    parser.parse(record.key(), record.value(), record.headers()),
                    TraceContext.of(record),
                    new SagaIntakeStore.Origin(record.partition(), record.offset()))));
      } catch (InvalidRequestException e) {
        refused.add(new DeadLetters.Letter(record, e.getMessage()));
      }
    }
    deadLetters.sendAll(refused);
    if (valid.isEmpty()) {
      return;
    }
    List<SagaIntake.Result> results =
        intake.acceptAll(valid.stream().map(Parsed::request).toList());
    List<DeadLetters.Letter> refusedNow = new ArrayList<>();
    boolean accepted = false;
    for (int i = 0; i < results.size(); i++) {
      ClientRequest request = valid.get(i).request().request();
      SagaIntake.Result result = results.get(i);
      switch (result.verdict()) {
        case ACCEPTED -> accepted = true;
        case DUPLICATE -> LOG.infof("event %s was already accepted; ignored", request.eventId());
        case QUEUED ->
            LOG.infof(
                "event %s of client %s waits for the client's earlier saga",
                request.eventId(), request.clientId());
        case REFUSED ->
            refusedNow.add(
                new DeadLetters.Letter(valid.get(i).record(), result.refusal().deadLetterReason()));
      }
    }
    if (accepted) {
      runner.wake();
    }
    deadLetters.sendAll(refusedNow);
  }
}
