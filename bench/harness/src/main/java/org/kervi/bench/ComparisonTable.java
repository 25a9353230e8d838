package org.kervi.bench;

import java.util.Locale;

/**
 * A Markdown table of benchmark figures beside their baseline of the same run: value, baseline, ratio, target and
 * whether it was met. A missing figure (a phase skipped or failed) shows as {@code n/a} and meets nothing.
 */
final class ComparisonTable {
    private final StringBuilder rows;

    ComparisonTable(String measured, String baseline) {
        rows = new StringBuilder("| figure | " + measured + " | " + baseline + " | ratio | target | met |\n"
                + "|---|---|---|---|---|---|\n");
    }

    /** A figure where lower is better and the target is at most {@code factor} times the baseline. */
    ComparisonTable withinFactor(String figure, Double measured, Double baseline, double factor) {
        String met = measured == null || baseline == null ? "" : measured <= factor * baseline ? "yes" : "NO";
        return row(figure, measured, baseline, String.format(Locale.ROOT, "≤ %s× baseline", trim(factor)), met);
    }

    /** A figure where higher is better: at least {@code floor} and at least baseline divided by {@code factor}. */
    ComparisonTable atLeast(String figure, Double measured, Double baseline, double floor, double factor) {
        String met = measured == null || baseline == null ? ""
                : measured >= floor && measured * factor >= baseline ? "yes" : "NO";
        return row(figure, measured, baseline, String.format(Locale.ROOT, "≥ %s and ≥ baseline / %s", fmt(floor),
                trim(factor)), met);
    }

    /** A figure shown for information, without a target. */
    ComparisonTable info(String figure, Double measured, Double baseline) {
        return row(figure, measured, baseline, "—", "");
    }

    /** A row written by the caller (memory rows), {@code cells} without the outer bars. */
    ComparisonTable raw(String cells) {
        rows.append("| ").append(cells).append(" |\n");
        return this;
    }

    private ComparisonTable row(String figure, Double measured, Double baseline, String target, String met) {
        rows.append("| ").append(figure).append(" | ").append(fmt(measured)).append(" | ").append(fmt(baseline))
                .append(" | ").append(ratio(measured, baseline)).append(" | ").append(target).append(" | ")
                .append(met).append(" |\n");
        return this;
    }

    static String ratio(Double measured, Double baseline) {
        return measured != null && baseline != null && baseline != 0
                ? String.format(Locale.ROOT, "%.2f×", measured / baseline) : "";
    }

    static String fmt(Double v) {
        if (v == null) {
            return "n/a";
        }
        return v >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String trim(double factor) {
        return factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor);
    }

    @Override
    public String toString() {
        return rows.toString();
    }
}
