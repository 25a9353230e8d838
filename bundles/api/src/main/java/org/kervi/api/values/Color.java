package org.kervi.api.values;

import java.util.Locale;

/** An RGB color; text form {@code #rrggbb}. */
public record Color(int red, int green, int blue) {
    public static final Color BLACK = new Color(0, 0, 0);

    public Color {
        checkChannel("red", red);
        checkChannel("green", green);
        checkChannel("blue", blue);
    }

    private static void checkChannel(String name, int v) {
        if (v < 0 || v > 255) {
            throw new IllegalArgumentException(name + " must be 0..255, got " + v);
        }
    }

    /** Parses {@code #rrggbb} or {@code #rgb}. */
    public static Color parse(String text) {
        String t = text.trim();
        if (t.matches("#[0-9a-fA-F]{6}")) {
            int rgb = Integer.parseInt(t.substring(1), 16);
            return new Color(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff);
        }
        if (t.matches("#[0-9a-fA-F]{3}")) {
            int r = Character.digit(t.charAt(1), 16);
            int g = Character.digit(t.charAt(2), 16);
            int b = Character.digit(t.charAt(3), 16);
            return new Color(r * 17, g * 17, b * 17);
        }
        throw new IllegalArgumentException("expected a color as #rrggbb or #rgb, got '" + text + "'");
    }

    public String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    @Override
    public String toString() {
        return hex();
    }
}
