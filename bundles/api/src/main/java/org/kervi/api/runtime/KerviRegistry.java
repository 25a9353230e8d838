package org.kervi.api.runtime;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.kervi.api.Registration;
import org.kervi.api.values.Value;
import org.kervi.api.values.ValueListener;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Every component, value and link this instance knows, local or remote: the one place that answers "where does
 * this id live".
 */
@ProviderType
public interface KerviRegistry {

    /** This instance's id (its Karaf instance name unless configured). */
    String instanceId();

    List<ComponentInfo> components();

    /** All values, sorted by id. */
    List<ValueEntry> values();

    Optional<ValueEntry> value(String id);

    List<LinkInfo> links();

    /**
     * Sets a value from outside, converting and checking {@code raw}; a remote value's write goes to its owner.
     * Completes exceptionally with {@link UnknownIdException} or
     * {@link org.kervi.api.values.ValueRejectedException} saying what was wrong.
     */
    CompletableFuture<Void> setValue(String id, Object raw);

    /** Listens to the changes of every value, present and future, local and remote. */
    Registration subscribeAll(ValueListener<Object> listener);

    Registration addListener(RegistryListener listener);

    /**
     * Adds a proxy for a value owned by another instance, so that links, the shell and the dashboard find it.
     * The transport sets the proxy as events arrive; writes from outside go to {@code writer}. Refused with an
     * {@link IllegalStateException} when the id is taken.
     *
     * @param componentId the id of the component that owns the value in its instance ({@link ValueEntry#componentId()}),
     *     empty when unknown
     */
    Registration addRemoteValue(Value<?> proxy, String componentId, String owner, RemoteValueWriter writer);

    /** A proxy whose component is not known. */
    default Registration addRemoteValue(Value<?> proxy, String owner, RemoteValueWriter writer) {
        return addRemoteValue(proxy, "", owner, writer);
    }
}
