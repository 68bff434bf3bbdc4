package org.msp.onboarding.inbound;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.msp.onboarding.persistence.SagaIntake;
import org.msp.onboarding.runner.SagaRunner;
import org.msp.onboarding.saga.request.OnboardingRequest;

/**
 * Takes "new client" events off Kafka and only persists them: NinjaOne is never called here, so a slow NinjaOne
 * cannot stall a partition. The offset is committed after this method returns, i.e. after the saga is committed.
 * An invalid record throws, and SmallRye's dead-letter strategy sends it with the reason to the DLQ (a record too
 * large for SmallRye's dead-letter producer is written there by LargeRecordDeadLetters instead).
 */
@ApplicationScoped
public class OnboardingRequestConsumer {
  private static final Logger LOG = Logger.getLogger(OnboardingRequestConsumer.class);

  private final RequestParser parser;
  private final DurableIntake intake;
  private final SagaRunner runner;
  private final IntakeMetrics metrics;
  private final LargeRecordDeadLetters largeDeadLetters;

  public OnboardingRequestConsumer(
      RequestParser parser, DurableIntake intake, SagaRunner runner, IntakeMetrics metrics,
      LargeRecordDeadLetters largeDeadLetters) {
    this.parser = parser;
    this.intake = intake;
    this.runner = runner;
    this.metrics = metrics;
    this.largeDeadLetters = largeDeadLetters;
  }

  @Incoming(Topics.REQUESTS_CHANNEL)
  @Blocking // JDBC blocks; ordered per channel keeps a client's events in order.
  public void consume(ConsumerRecord<String, byte[]> record) {
    OnboardingRequest request;
    try {
      request = parser.parse(record.key(), record.value(), record.headers());
    } catch (InvalidRequestException e) {
      deadLetter(record, e);
      return;
    }
    SagaIntake.Result result = intake.accept(request, TraceContext.of(record));
    switch (result) {
      case ACCEPTED -> runner.wake();
      case DUPLICATE -> LOG.infof("event %s was already accepted; ignored", request.eventId());
      case CLIENT_BUSY -> deadLetter(record, new InvalidRequestException(
          "CLIENT_BUSY: client " + request.clientId() + " already has a running onboarding saga; publish again"
              + " after it has ended (see GET /api/v1/sagas?clientId=" + request.clientId() + ")"));
    }
  }

  /**
   * Throwing hands the record to SmallRye's dead-letter strategy. A record too large for SmallRye's dead-letter
   * producer is written by LargeRecordDeadLetters instead: SmallRye failing to write it would stop the channel.
   */
  private void deadLetter(ConsumerRecord<String, byte[]> record, InvalidRequestException e) {
    metrics.deadLettered();
    LOG.warnf("record %s-%d@%d to the DLQ: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
    if (LargeRecordDeadLetters.tooLargeForSmallRye(record)) {
      largeDeadLetters.send(record, e.getMessage());
      return;
    }
    throw e;
  }
}
