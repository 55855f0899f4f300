package dev.vlsuite.shared.cli;

/** --format of every tool that prints records. */
public enum OutputFormat {
    text, json, jsonl, csv
}
