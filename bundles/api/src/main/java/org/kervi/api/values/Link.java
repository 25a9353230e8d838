package org.kervi.api.values;

import java.util.Objects;
import java.util.function.Function;

/**
 * A value following another one, by id (resolved by the runtime wherever the source lives) or by object.
 *
 * <p>The runtime resolves and unresolves links and calls {@link #deliver}; users only read the state.
 */
public final class Link {
    private final Value<?> input;
    private final String sourceId;
    private final Value<?> sourceObject;
    private final Function<Object, ?> transform;
    private volatile boolean resolved;
    private volatile String sourceOwner;
    private volatile String lastError;
    private volatile String refusal;

    private Link(Value<?> input, String sourceId, Value<?> sourceObject, Function<Object, ?> transform) {
        this.input = input;
        this.sourceId = sourceId;
        this.sourceObject = sourceObject;
        this.transform = Objects.requireNonNull(transform, "transform");
    }

    static Link byId(Value<?> input, String sourceId, Function<Object, ?> transform) {
        return new Link(input, sourceId, null, transform);
    }

    static Link byObject(Value<?> input, Value<?> source, Function<Object, ?> transform) {
        return new Link(input, Objects.requireNonNull(source, "source").id(), source, transform);
    }

    /** The value that follows. */
    public Value<?> input() {
        return input;
    }

    /** The id of the value followed. */
    public String sourceId() {
        return sourceId;
    }

    /** The source object for a link made with {@link Value#linkTo(Value)}, else null. */
    public Value<?> sourceObject() {
        return sourceObject;
    }

    public boolean byObject() {
        return sourceObject != null;
    }

    public boolean isResolved() {
        return resolved;
    }

    /** The instance that owns the source while resolved, else null. */
    public String sourceOwner() {
        return sourceOwner;
    }

    /**
     * Why the link does not resolve although a value with its source id exists (the source is an input), else the
     * last conversion or transform failure, cleared by the next good delivery.
     */
    public String lastError() {
        String refused = refusal;
        return refused != null ? refused : lastError;
    }

    /** Marks the link resolved to a source owned by {@code owner}; called by the runtime. */
    public void markResolved(String owner) {
        this.refusal = null;
        this.sourceOwner = owner;
        this.resolved = true;
    }

    /** Marks the link unresolved because its source may not be followed ({@link LinkDirection}); by the runtime. */
    public void markRefused(String problem) {
        this.resolved = false;
        this.sourceOwner = null;
        this.refusal = Objects.requireNonNull(problem);
    }

    /** Marks the link unresolved (its source went away); called by the runtime. */
    public void markUnresolved() {
        this.refusal = null;
        this.resolved = false;
        this.sourceOwner = null;
    }

    /**
     * Feeds a source value through the transform into the input; called by the runtime. A value the input
     * cannot take is recorded in {@link #lastError()} and otherwise ignored.
     */
    public void deliver(Object sourceValue) {
        try {
            Object transformed = transform.apply(sourceValue);
            input.setFromLink(transformed);
            lastError = null;
        } catch (RuntimeException e) {
            lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    @Override
    public String toString() {
        return input.id() + " <- " + sourceId + (resolved ? "" : " (unresolved)");
    }
}
