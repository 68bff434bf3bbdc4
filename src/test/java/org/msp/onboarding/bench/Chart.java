package org.msp.onboarding.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * chart.png: two bar charts side by side, throughput (sagas/s, higher is better) and p99 latency
 * (s, lower is better), one group of bars per workload and one colour per contender, the value
 * written on each bar. Drawn with plain Java2D (headless), so no charting library enters the build.
 */
final class Chart {
  private static final int WIDTH = 1600;
  private static final int HEIGHT = 720;
  private static final Map<String, Color> COLOURS =
      Map.of(
          "service", new Color(0x2E7D32), "dbos", new Color(0x1565C0), "raw", new Color(0x9E9E9E));
  private static final List<String> ORDER = List.of("service", "dbos", "raw");

  private Chart() {}

  static void write(List<RunResult> results, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    // Only the comparisons of the three contenders: bursts and the budget run.
    Map<String, Map<String, RunResult>> byWorkload = new LinkedHashMap<>();
    for (RunResult r : results) {
      if (r.group.equals("burst") || r.group.equals("budget")) {
        byWorkload.computeIfAbsent(r.workload, k -> new LinkedHashMap<>()).put(r.contender, r);
      }
    }
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
    g.drawString(
        "Onboarding sagas: service vs DBOS Transact vs raw calls (same workload, simulator, PostgreSQL)",
        30,
        36);
    legend(g, 30, 62);
    panel(
        g,
        byWorkload,
        30,
        90,
        WIDTH / 2 - 45,
        HEIGHT - 130,
        "Throughput (sagas/s) - higher is better",
        r -> r.sagasPerSecond,
        "%.1f");
    panel(
        g,
        byWorkload,
        WIDTH / 2 + 15,
        90,
        WIDTH / 2 - 45,
        HEIGHT - 130,
        "p99 latency (s) - lower is better",
        r -> r.p99Seconds,
        "%.2f");
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static void legend(Graphics2D g, int x, int y) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
    for (String contender : ORDER) {
      g.setColor(COLOURS.get(contender));
      g.fillRect(x, y - 13, 16, 16);
      g.setColor(Color.BLACK);
      String label =
          switch (contender) {
            case "service" -> "the service (Kafka -> saga in PostgreSQL)";
            case "dbos" -> "DBOS Transact workflow (one step per call)";
            default -> "raw calls, no persistence (upper bound)";
          };
      g.drawString(label, x + 22, y);
      x += g.getFontMetrics().stringWidth(label) + 60;
    }
  }

  private static void panel(
      Graphics2D g,
      Map<String, Map<String, RunResult>> data,
      int x,
      int y,
      int w,
      int h,
      String title,
      ToDoubleFunction<RunResult> value,
      String format) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
    g.drawString(title, x, y + 18);
    int left = x + 60;
    int top = y + 40;
    int bottom = y + h - 60;
    int right = x + w;
    double max = 0;
    for (Map<String, RunResult> group : data.values()) {
      for (RunResult r : group.values()) {
        max = Math.max(max, value.applyAsDouble(r));
      }
    }
    max = niceCeiling(max);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    FontMetrics fm = g.getFontMetrics();
    for (int i = 0; i <= 5; i++) {
      double tick = max * i / 5;
      int ty = bottom - (int) ((bottom - top) * i / 5.0);
      g.setColor(new Color(0xE0E0E0));
      g.drawLine(left, ty, right, ty);
      g.setColor(Color.DARK_GRAY);
      String label = String.format(Locale.ROOT, max >= 10 ? "%.0f" : "%.1f", tick);
      g.drawString(label, left - 8 - fm.stringWidth(label), ty + 5);
    }
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1.5f));
    g.drawLine(left, bottom, right, bottom);
    g.drawLine(left, top, left, bottom);
    List<String> workloads = new ArrayList<>(data.keySet());
    if (workloads.isEmpty() || max <= 0) {
      return;
    }
    int groupWidth = (right - left) / workloads.size();
    int barWidth = Math.min(70, (groupWidth - 30) / 3);
    for (int i = 0; i < workloads.size(); i++) {
      Map<String, RunResult> group = data.get(workloads.get(i));
      int gx = left + i * groupWidth + (groupWidth - barWidth * 3) / 2;
      for (int c = 0; c < ORDER.size(); c++) {
        RunResult r = group.get(ORDER.get(c));
        if (r == null) {
          continue;
        }
        double v = value.applyAsDouble(r);
        if (!r.ok()) {
          // a run that did not complete has no figure worth a bar
          g.setColor(Color.RED);
          g.drawString(
              "failed", gx + c * barWidth + (barWidth - fm.stringWidth("failed")) / 2, bottom - 5);
          continue;
        }
        int bh = (int) Math.round((bottom - top) * v / max);
        int bx = gx + c * barWidth;
        g.setColor(COLOURS.get(ORDER.get(c)));
        g.fillRect(bx + 3, bottom - bh, barWidth - 6, bh);
        g.setColor(Color.BLACK);
        String text = String.format(Locale.ROOT, format, v);
        g.drawString(text, bx + (barWidth - fm.stringWidth(text)) / 2, bottom - bh - 5);
      }
      g.setColor(Color.BLACK);
      drawCentered(
          g, workloads.get(i), left + i * groupWidth + groupWidth / 2, bottom + 22, groupWidth - 6);
    }
  }

  /** The workload's label under its group, split in two lines when it is too wide. */
  private static void drawCentered(Graphics2D g, String text, int cx, int y, int width) {
    FontMetrics fm = g.getFontMetrics();
    List<String> lines = new ArrayList<>();
    if (fm.stringWidth(text) <= width) {
      lines.add(text);
    } else {
      int cut = text.lastIndexOf(' ', text.length() / 2 + 4);
      lines.add(text.substring(0, Math.max(1, cut)));
      lines.add(text.substring(Math.max(1, cut)).trim());
    }
    for (int i = 0; i < lines.size(); i++) {
      g.drawString(lines.get(i), cx - fm.stringWidth(lines.get(i)) / 2, y + i * 16);
    }
  }

  /** 1, 2, 2.5 or 5 times a power of ten at or above the value, so the axis has round ticks. */
  private static double niceCeiling(double value) {
    if (value <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= value * 1.08) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }
}
