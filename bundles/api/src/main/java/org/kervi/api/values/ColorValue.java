package org.kervi.api.values;

/** An RGB color. From outside it takes {@code #rrggbb} / {@code #rgb} text. */
public class ColorValue extends Value<Color> {

    public ColorValue(String id, String name) {
        super(id, name, ValueKind.COLOR, Color.BLACK);
    }

    @Override
    public Color convert(Object raw) {
        if (raw instanceof Color color) {
            return color;
        }
        if (raw instanceof CharSequence text) {
            try {
                return Color.parse(text.toString());
            } catch (IllegalArgumentException e) {
                throw new ValueRejectedException(id(), e.getMessage());
            }
        }
        throw new ValueRejectedException(id(), "expected a color as #rrggbb, got " + ValueRejectedException.describe(raw));
    }
}
