package dev.vlsuite.shared.metrics;
import java.util.Map;
public record MetricScore(String name, double corpus, Map<String, Double> perImage) {}
