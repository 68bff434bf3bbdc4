package org.msp.onboarding.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbos.transact.DBOS;
import dev.dbos.transact.StartWorkflowOptions;
import dev.dbos.transact.config.DBOSConfig;
import dev.dbos.transact.context.WorkflowOptions;
import dev.dbos.transact.workflow.Queue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One competitor of the service, as its own JVM (so its memory and CPU are measured like the
 * service's): reads the same requests from the same kind of Kafka topic and runs them with {@code
 * --workers} sagas in flight.
 *
 * <ul>
 *   <li>{@code --kind dbos}: each request is a DBOS workflow ({@link OnboardingWorkflowImpl}) in
 *       DBOS's own system database. {@code --dbos-mode pool} (default): a fixed pool of {@code
 *       --workers} threads, each calling the workflow with the request's eventId as workflow id
 *       (idempotent, as the service is on eventId). {@code --dbos-mode queue}: each request is
 *       enqueued on a DBOS queue whose worker concurrency is {@code --workers}; DBOS dequeues and
 *       runs them.
 *   <li>{@code --kind raw}: the same NinjaOne calls from a pool of {@code --workers} threads,
 *       nothing persisted: the upper bound.
 * </ul>
 *
 * Prints {@code DONE <clientId> <epochMillis>} when a saga has completed (for DBOS: once its
 * SUCCESS is committed) and {@code FAIL <clientId> <reason>} when it has not; the orchestrator
 * counts these lines. Offsets are auto-committed: the benchmark kills no process, and DBOS's
 * workflow id would drop a redelivery.
 */
public final class ContenderMain {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ContenderMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> o = BenchOptions.keyValues(args);
    String kind = o.get("kind");
    int workers = Integer.parseInt(o.getOrDefault("workers", "8"));
    NinjaOneHttp ninjaOne =
        new NinjaOneHttp(
            o.get("ninjaone"),
            o.get("client-id"),
            o.get("client-secret"),
            Double.parseDouble(o.getOrDefault("budget", "0")),
            workers);
    Runner runner =
        switch (kind) {
          case "raw" -> raw(ninjaOne, workers);
          case "dbos" -> dbos(ninjaOne, workers, o);
          default -> throw new IllegalArgumentException("--kind raw|dbos, not " + kind);
        };
    consume(o.get("bootstrap"), o.get("topic"), o.get("group"), runner);
  }

  /** Runs one request and returns when its saga has completed (or throws). */
  private interface Runner {
    void run(String eventId, String json, JsonNode event) throws Exception;
  }

  private static Runner raw(NinjaOneHttp ninjaOne, int workers) {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    return pooled(
        pool,
        (eventId, json, event) ->
            OnboardingSteps.run(
                event,
                ninjaOne,
                new OnboardingSteps.StepRunner() {
                  @Override
                  public <T> T step(String name, java.util.function.Supplier<T> call) {
                    return call.get();
                  }
                }));
  }

  private static Runner dbos(NinjaOneHttp ninjaOne, int workers, Map<String, String> o) {
    String password = o.getOrDefault("db-password", "");
    DBOSConfig config =
        DBOSConfig.defaults("onboarding-bench")
            .withDatabaseUrl(o.get("db-url"))
            .withDbUser(o.getOrDefault("db-user", "postgres"))
            // trust authentication needs none, but DBOS insists on a non-null password
            .withDbPassword(password)
            // DBOS's admin HTTP server stays off (its default, and its setters are deprecated for
            // removal)
            .withAppVersion("bench");
    String mode = o.getOrDefault("dbos-mode", "pool");
    Queue queue =
        new Queue("onboarding")
            .withWorkerConcurrency(workers)
            .withPollingInterval(
                Duration.ofMillis(Long.parseLong(o.getOrDefault("dbos-queue-poll-ms", "100"))));
    DBOS dbos = new DBOS(config);
    if (mode.equals("queue")) {
      dbos.registerQueue(queue);
    }
    OnboardingWorkflow workflow =
        dbos.registerProxy(OnboardingWorkflow.class, new OnboardingWorkflowImpl(dbos, ninjaOne));
    dbos.launch();
    Runtime.getRuntime().addShutdownHook(new Thread(dbos::close, "dbos-shutdown"));
    if (mode.equals("queue")) {
      // The consumer thread enqueues (a durable insert) and a waiter per saga reports its end; DBOS
      // alone
      // decides how many run at once (the queue's worker concurrency).
      ExecutorService waiters = Executors.newCachedThreadPool();
      return (eventId, json, event) -> {
        var handle =
            dbos.startWorkflow(
                () -> workflow.onboard(json), new StartWorkflowOptions(eventId).withQueue(queue));
        waiters.execute(() -> report(event, () -> handle.getResult()));
      };
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    return pooled(
        pool,
        (eventId, json, event) -> {
          // Calling the proxy runs the workflow on this thread; the id makes a redelivered request
          // a no-op.
          try (var ignored = new WorkflowOptions(eventId).setContext()) {
            workflow.onboard(json);
          }
        });
  }

  /**
   * {@code body} runs on one of the pool's threads; the consumer hands over at most 2 requests per
   * thread.
   */
  private static Runner pooled(ExecutorService pool, Runner body) {
    int threads = ((java.util.concurrent.ThreadPoolExecutor) pool).getCorePoolSize();
    Semaphore slots = new Semaphore(threads * 2);
    return (eventId, json, event) -> {
      slots.acquire();
      pool.execute(
          () -> {
            try {
              report(
                  event,
                  () -> {
                    body.run(eventId, json, event);
                    return null;
                  });
            } finally {
              slots.release();
            }
          });
    };
  }

  private interface Work {
    Object call() throws Exception;
  }

  private static void report(JsonNode event, Work work) {
    String clientId = event.path("clientId").asText();
    try {
      work.call();
      line("DONE " + clientId + " " + System.currentTimeMillis());
    } catch (Exception | Error e) {
      line("FAIL " + clientId + " " + e.toString().replace('\n', ' '));
    }
  }

  private static synchronized void line(String text) {
    System.out.println(text);
    System.out.flush();
  }

  private static void consume(String bootstrap, String topic, String group, Runner runner)
      throws Exception {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
    // the service's setting for the same topic
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      line("READY " + ProcessHandle.current().pid());
      while (true) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          String json = new String(record.value(), StandardCharsets.UTF_8);
          JsonNode event = JSON.readTree(json);
          try {
            runner.run(event.get("eventId").asText(), json, event);
          } catch (Exception e) {
            line("FAIL " + event.path("clientId").asText() + " " + e.toString().replace('\n', ' '));
          }
        }
      }
    }
  }
}
