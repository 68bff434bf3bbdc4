package org.msp.onboarding.deadletters;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.msp.onboarding.deadletters.DeadLetterViews.DeadLetterDetail;
import org.msp.onboarding.deadletters.DeadLetterViews.DeadLetterPage;
import org.msp.onboarding.deadletters.DeadLetterViews.DeadLetterPageInfo;
import org.msp.onboarding.deadletters.DeadLetterViews.DeadLetterView;
import org.msp.onboarding.deadletters.DeadLetterViews.HeaderView;
import org.msp.onboarding.deadletters.DeadLetterViews.ReplayView;
import org.msp.onboarding.web.ProblemException;

/** The letters from the topic, each with its replays from PostgreSQL. */
@ApplicationScoped
public class DeadLetterQueries {
  private final DeadLetterTopic topic;
  private final ReplayStore replays;

  public DeadLetterQueries(DeadLetterTopic topic, ReplayStore replays) {
    this.topic = topic;
    this.replays = replays;
  }

  DeadLetterPage list(DeadLetterFilter filter, int pageSize, Map<Integer, Long> cursor) {
    NewestFirst.Page page = topic.page(cursor, filter, pageSize);
    Map<String, List<ReplayView>> done = replays.of(page.letters());
    List<DeadLetterView> views =
        page.letters().stream()
            .map(l -> DeadLetterView.of(l, done.getOrDefault(l.id().toString(), List.of())))
            .toList();
    return new DeadLetterPage(
        views,
        new DeadLetterPageInfo(
            page.hasMore(), page.hasMore() ? TopicCursor.encode(page.next()) : null));
  }

  DeadLetterDetail get(DeadLetterId id) {
    ConsumerRecord<String, byte[]> record = found(id);
    DeadLetter letter = LetterReading.summary(record);
    List<ReplayView> done = replays.of(List.of(letter)).getOrDefault(id.toString(), List.of());
    byte[] value = record.value() == null ? new byte[0] : record.value();
    String text = LetterReading.strictText(value);
    List<HeaderView> headers = new ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(
          new HeaderView(
              header.key(), header.value() == null ? null : LetterReading.lenient(header.value())));
    }
    return new DeadLetterDetail(
        DeadLetterView.of(letter, done),
        text,
        text == null ? Base64.getEncoder().encodeToString(value) : null,
        headers);
  }

  ConsumerRecord<String, byte[]> found(DeadLetterId id) {
    return topic
        .record(id)
        .orElseThrow(() -> ProblemException.notFound("no dead letter with id " + id));
  }
}
