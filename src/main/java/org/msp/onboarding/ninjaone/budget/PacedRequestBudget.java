package org.msp.onboarding.ninjaone.budget;

import com.google.common.util.concurrent.Uninterruptibles;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import org.msp.onboarding.ninjaone.RequestBudget;

/**
 * Each call waits for a slot of its own. Slots come in batches from a {@link SlotSource}: the
 * thread that finds none left reserves enough for this instance's demand of the next quarter second
 * (calls per second measured here), and at least one for every thread waiting at that moment; so
 * the cost is one reservation per batch, not per call. A batch is capped at a quarter second of the
 * rate, so that one instance cannot hold the tenant's next second. A slot whose moment passed
 * unused is given up, never spent late: a late call next to punctual ones would put more calls into
 * some one-second window than the slots allow.
 */
public final class PacedRequestBudget implements RequestBudget {
  private static final Logger LOG = Logger.getLogger(PacedRequestBudget.class);

  /**
   * Lateness a slot tolerates: part of the slack that the pace leaves per second (see
   * SlotBatch.PACE), the rest being for the way from here to NinjaOne and for mapping each
   * instance's slots to its clock. At 10 ms a busy two-core machine woke one thread in ten too
   * late, and each such slot is lost.
   */
  static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  static final double BATCH_SECONDS = 0.25;
  private static final long DEMAND_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final SlotSource source;
  private final BudgetMetrics metrics;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition refilled = lock.newCondition();
  private final Condition foregroundIdle = lock.newCondition();
  private final ArrayDeque<Long> slots = new ArrayDeque<>();
  private int waiting;
  private int foregroundWaiting;
  private boolean reserving;
  private double rate;
  private long arrivals;
  private long arrivalsSinceNanos = System.nanoTime();
  private double demandPerSecond;

  public PacedRequestBudget(SlotSource source, double budget, BudgetMetrics metrics) {
    this.source = source;
    this.metrics = metrics;
    this.rate = budget;
    metrics.effectiveRate(budget);
  }

  @Override
  public void acquire() {
    lock.lock();
    foregroundWaiting++;
    lock.unlock();
    try {
      awaitTurn();
    } finally {
      lock.lock();
      if (--foregroundWaiting == 0) {
        foregroundIdle.signalAll();
      }
      lock.unlock();
    }
  }

  /** Lets every call of this instance that is waiting for its slot go first. */
  @Override
  public void acquireBackground() {
    lock.lock();
    try {
      while (foregroundWaiting > 0) {
        foregroundIdle.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
    awaitTurn();
  }

  /** Waits for a slot and answers the moment ({@link System#nanoTime()}) the call was let go. */
  long awaitTurn() {
    long start = System.nanoTime();
    long slot = nextSlot();
    Uninterruptibles.sleepUninterruptibly(slot - System.nanoTime(), TimeUnit.NANOSECONDS);
    long now = System.nanoTime();
    while (now - slot > LATE_NANOS) {
      metrics.missed(); // this thread woke too late (a busy CPU, a GC pause)
      slot = nextSlot();
      Uninterruptibles.sleepUninterruptibly(slot - System.nanoTime(), TimeUnit.NANOSECONDS);
      now = System.nanoTime();
    }
    metrics.waited(now - start);
    return now;
  }

  @Override
  public void throttled() {
    metrics.throttled();
    try {
      source.throttled();
    } catch (RuntimeException e) {
      // The throttled call is retried anyway; the rate is cut by the next 429 that gets through.
      LOG.warnf(
          "NinjaOne throttled a call, but the shared rate could not be lowered: %s",
          e.getMessage());
    }
  }

  private long nextSlot() {
    lock.lock();
    waiting++;
    arrivals++;
    try {
      while (true) {
        dropPassed();
        if (!slots.isEmpty()) {
          return slots.poll();
        }
        if (reserving) {
          refilled.awaitUninterruptibly();
        } else {
          reserveForWaiting();
        }
      }
    } finally {
      waiting--;
      lock.unlock();
    }
  }

  /**
   * Called holding the lock; releases it during the reservation so that threads with a slot are not
   * held up.
   */
  private void reserveForWaiting() {
    int cap = Math.max(1, (int) (rate * BATCH_SECONDS));
    int wanted = Math.min(cap, Math.max(waiting, (int) Math.ceil(demand() * BATCH_SECONDS)));
    reserving = true;
    lock.unlock();
    SlotBatch batch = null;
    try {
      batch = source.reserve(wanted);
      metrics.reserved();
    } finally {
      lock.lock();
      reserving = false;
      refilled.signalAll();
    }
    for (int i = 0; i < batch.count(); i++) {
      slots.add(batch.slotNanos(i));
    }
    rate = batch.rate();
    metrics.effectiveRate(rate);
  }

  /** Calls per second asking for a slot here, smoothed over the last few tenths of a second. */
  private double demand() {
    long now = System.nanoTime();
    long elapsed = now - arrivalsSinceNanos;
    if (elapsed >= DEMAND_WINDOW_NANOS) {
      double observed = arrivals * 1e9 / elapsed;
      demandPerSecond = (demandPerSecond + observed) / 2;
      arrivals = 0;
      arrivalsSinceNanos = now;
    }
    return demandPerSecond;
  }

  private void dropPassed() {
    long now = System.nanoTime();
    while (!slots.isEmpty() && now - slots.peek() > LATE_NANOS) {
      slots.poll();
      metrics.missed();
    }
  }
}
