package fr.jalon.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where a run was measured; the load averages tell whether something else was running. */
public record Machine(int cores, long memoryMiB, String cpuModel, String os, String jdk, String loadAverageAtStart, String loadAverageAtEnd) {

  public static Machine probe() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        memTotalKiB() / 1024,
        readCpuModel(),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
        loadAverage(),
        null);
  }

  public Machine withLoadAtEnd() {
    return new Machine(cores, memoryMiB, cpuModel, os, jdk, loadAverageAtStart, loadAverage());
  }

  /** The 1, 5 and 15 minute load averages from /proc/loadavg. */
  static String loadAverage() {
    List<String> lines = lines("/proc/loadavg");
    if (lines.isEmpty()) {
      return "unknown";
    }
    String[] parts = lines.get(0).split("\\s+");
    return parts[0] + " " + parts[1] + " " + parts[2];
  }

  private static long memTotalKiB() {
    return lines("/proc/meminfo").stream()
        .filter(l -> l.startsWith("MemTotal:"))
        .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
        .findFirst()
        .orElse(-1L);
  }

  private static String readCpuModel() {
    return lines("/proc/cpuinfo").stream()
        .filter(l -> l.startsWith("model name"))
        .map(l -> l.substring(l.indexOf(':') + 1).trim())
        .findFirst()
        .orElse(System.getProperty("os.arch"));
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException e) {
      return List.of();
    }
  }
}
