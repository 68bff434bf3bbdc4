package org.msp.onboarding.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Linux's /proc says about a process: peak and current resident memory (VmHWM, VmRSS in
 * /proc/PID/status) and CPU time (utime + stime in /proc/PID/stat). Read from outside, so the
 * service, DBOS and the baseline are measured the same way, whatever runs inside them.
 */
final class ProcStats {
  /**
   * Clock ticks per second of /proc/PID/stat; 100 on every Linux the JDK runs on here (getconf
   * CLK_TCK).
   */
  private static final double TICKS_PER_SECOND = 100.0;

  private ProcStats() {}

  /** Peak resident set since the process started, in MB; -1 once the process is gone. */
  static double peakRssMb(long pid) {
    return statusKb(pid, "VmHWM:") / 1024.0;
  }

  static double rssMb(long pid) {
    return statusKb(pid, "VmRSS:") / 1024.0;
  }

  /** User plus system CPU seconds used so far; -1 once the process is gone. */
  static double cpuSeconds(long pid) {
    return cpuSeconds(Path.of("/proc", Long.toString(pid), "stat"));
  }

  /** The same from a stat file: a process's, or one of its threads' (/proc/PID/task/TID/stat). */
  static double cpuSeconds(Path statFile) {
    try {
      String stat = Files.readString(statFile);
      // The command name (field 2) may contain spaces; everything after its closing parenthesis is
      // numeric.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields[0] is field 3 (state): utime is field 14, stime field 15.
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * CPU seconds the whole machine spent busy so far (all processes: the contender, PostgreSQL,
   * Kafka, the simulator and this harness), from the first line of /proc/stat: user, nice, system,
   * irq, softirq, steal.
   */
  static double machineCpuSeconds() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
        busy += Long.parseLong(f[i]);
      }
      return busy / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static double statusKb(long pid, String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(key)) {
          return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended
    }
    return -1;
  }
}
