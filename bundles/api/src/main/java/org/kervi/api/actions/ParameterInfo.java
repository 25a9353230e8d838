package org.kervi.api.actions;

/** One parameter of an action: its name and its type as users read it (boolean, number, text, json...). */
public record ParameterInfo(String name, String type) {
    @Override
    public String toString() {
        return name + ": " + type;
    }
}
