package dev.vlsuite.shared.metrics;
import java.util.List; import java.util.Map;
public interface CorpusScorer { String name(); MetricScore score(Map<String, List<String>> refs, Map<String, String> cands); }
