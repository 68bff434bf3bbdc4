package org.msp.onboarding.runner;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.msp.onboarding.config.OnboardingConfig;
import org.msp.onboarding.ninjaone.NinjaOneCircuit;
import org.msp.onboarding.persistence.Claimant;
import org.msp.onboarding.persistence.SagaStore;

/**
 * Claims due sagas from PostgreSQL and drives each on a worker thread until it waits or ends. Woken
 * at once when a saga is accepted or an operator acts; the scheduled poll is the backstop (retries,
 * other instances). While NinjaOne is down for everyone (the circuit is open) it claims nothing,
 * and after it ramps back up.
 */
@ApplicationScoped
public class SagaRunner {
  private static final Logger LOG = Logger.getLogger(SagaRunner.class);

  /**
   * What Quarkus's shutdown timeout must leave after the steps' wait: releasing leases, the rest.
   */
  static final Duration AFTER_STEPS = Duration.ofSeconds(10);

  private final SagaStore store;
  private final SagaRecorder recorder;
  private final SagaDriver driver;
  private final OnboardingConfig.Runner config;
  private final NinjaOneCircuit circuit;
  private final Duration stepsWaitOnStop;
  private final String owner = InstanceId.get();

  /** The sagas a worker of this instance is driving, with the epoch of its lease. */
  private final Map<UUID, Long> driving = new ConcurrentHashMap<>();

  private final Claimant claimant;
  private final AtomicBoolean claiming = new AtomicBoolean();
  private final AtomicBoolean wakeRequested = new AtomicBoolean();
  private volatile boolean stopping;
  private Semaphore freeWorkers;
  private ExecutorService workers;
  private ExecutorService claimer;

  public SagaRunner(
      SagaStore store,
      SagaRecorder recorder,
      SagaDriver driver,
      OnboardingConfig config,
      NinjaOneCircuit circuit,
      @ConfigProperty(name = "quarkus.shutdown.timeout", defaultValue = "30S")
          Duration shutdownTimeout) {
    this.store = store;
    this.recorder = recorder;
    this.driver = driver;
    this.config = config.runner();
    this.circuit = circuit;
    this.stepsWaitOnStop = stepsWaitOnStop(shutdownTimeout);
    this.claimant = new Claimant(owner, this.config.lease(), driving.keySet());
  }

  void start(@Observes StartupEvent event) {
    freeWorkers = new Semaphore(config.workers());
    workers = Executors.newFixedThreadPool(config.workers(), named("saga-worker"));
    claimer = Executors.newSingleThreadExecutor(named("saga-claimer"));
    wake();
  }

  @Scheduled(
      every = "${onboarding.runner.poll-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    wake();
  }

  /** Asks for a claim round soon; coalesces many wake-ups into one. */
  public void wake() {
    if (stopping || claimer == null) {
      return;
    }
    wakeRequested.set(true);
    if (claiming.compareAndSet(false, true)) {
      claimer.execute(this::claimRounds);
    }
  }

  private void claimRounds() {
    try {
      while (wakeRequested.getAndSet(false) && !stopping) {
        while (claimOnce() && !stopping) {
          // a full batch was claimed: more may be due, and workers may still be free
        }
      }
    } catch (RuntimeException e) {
      LOG.warnf("claiming due sagas failed, will retry at the next poll: %s", e.getMessage());
    } finally {
      claiming.set(false);
    }
  }

  /**
   * One claim query for as many sagas as there are free workers within the circuit's limit; true
   * when it got all it asked for.
   */
  private boolean claimOnce() {
    int free = freeWorkers.drainPermits();
    int allowed = circuit.workerLimit(config.workers()) - (config.workers() - free);
    int wanted = Math.min(Math.min(free, allowed), config.claimBatch());
    if (wanted <= 0) {
      freeWorkers.release(free);
      return false; // a worker that finishes claims its next saga itself (SagaRecorder.record); the
      // poll ramps up
    }
    List<Claimed> claimed;
    try {
      claimed = recorder.claimDue(claimant, wanted);
    } catch (RuntimeException e) {
      freeWorkers.release(free);
      throw e;
    }
    freeWorkers.release(free - claimed.size());
    for (Claimed saga : claimed) {
      workers.execute(() -> drive(saga));
    }
    return claimed.size() == wanted;
  }

  /** Drives the saga, then any saga the driver claimed on the way, on this worker thread. */
  private void drive(Claimed saga) {
    try {
      Optional<Claimed> current = Optional.of(saga);
      while (current.isPresent()) {
        UUID id = current.get().work().sagaId();
        driving.put(id, current.get().work().leaseEpoch());
        try {
          current = driver.drive(claimant, current.get(), () -> stopping);
        } finally {
          driving.remove(id);
        }
      }
    } finally {
      // No wake-up here: the last record already tried to claim another saga for this worker.
      freeWorkers.release();
    }
  }

  /** A lease outlives a slow step only while this instance is alive and still driving that saga. */
  @Scheduled(
      every = "${onboarding.runner.heartbeat:PT15S}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void heartbeat() {
    try {
      store.renewLeases(owner, Map.copyOf(driving), config.lease());
    } catch (RuntimeException e) {
      LOG.warnf("lease heartbeat failed: %s", e.getMessage());
    }
  }

  /**
   * Graceful shutdown: let the steps in flight finish, then free the leases of the sagas whose step
   * has ended. A step still running keeps its lease until it expires, so that no other instance
   * starts it meanwhile.
   */
  void stop(@Observes ShutdownEvent event) {
    stopping = true;
    if (workers == null) {
      return;
    }
    claimer.shutdown();
    workers.shutdown();
    try {
      workers.awaitTermination(stepsWaitOnStop.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Set<UUID> running = Set.copyOf(driving.keySet());
    try {
      int released = store.releaseIdle(owner, running);
      LOG.infof(
          "runner stopped; released %d lease(s); %d step(s) still running keep theirs until they expire%s",
          released, running.size(), running.isEmpty() ? "" : ": sagas " + running);
    } catch (RuntimeException e) {
      LOG.warnf(
          "could not release leases on shutdown (they expire by themselves): %s", e.getMessage());
    }
  }

  public String owner() {
    return owner;
  }

  /**
   * How long a SIGTERM waits for the steps in flight: the shutdown timeout less {@link
   * #AFTER_STEPS} (20 s of the default 30), at least a second.
   */
  static Duration stepsWaitOnStop(Duration shutdownTimeout) {
    Duration wait = shutdownTimeout.minus(AFTER_STEPS);
    return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
  }

  /** Daemon threads named prefix-1, prefix-2, ... */
  static java.util.concurrent.ThreadFactory named(String prefix) {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
