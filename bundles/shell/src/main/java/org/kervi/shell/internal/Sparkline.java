package org.kervi.shell.internal;

import java.util.List;

/** One line of block characters showing the shape of a series of numbers (lowest ▁, highest █). */
final class Sparkline {
    private static final char[] BLOCKS = "▁▂▃▄▅▆▇█".toCharArray();

    private Sparkline() {}

    /** At most {@code width} characters (neighbouring values share one, showing the largest); "" without numbers. */
    static String of(List<Double> values, int width) {
        if (values.isEmpty()) {
            return "";
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        int columns = Math.min(width, values.size());
        StringBuilder line = new StringBuilder(columns);
        for (int c = 0; c < columns; c++) {
            int from = (int) ((long) c * values.size() / columns);
            int to = (int) ((long) (c + 1) * values.size() / columns);
            double highest = Double.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                highest = Math.max(highest, values.get(i));
            }
            int level = max == min ? BLOCKS.length / 2 : (int) Math.round((highest - min) / (max - min)
                    * (BLOCKS.length - 1));
            line.append(BLOCKS[level]);
        }
        return line.toString();
    }
}
