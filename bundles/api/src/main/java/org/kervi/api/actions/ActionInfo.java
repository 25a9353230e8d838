package org.kervi.api.actions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import org.kervi.api.dashboard.DashboardLink;

/**
 * What is known of an action: where it lives, how to call it, how to show its result ({@code unit} of a number
 * result, empty for none; at most {@code decimals} shown, -1 for as returned).
 */
public record ActionInfo(String id, String name, String componentId, String owner, boolean local,
        List<ParameterInfo> parameters, String returnType, String confirm, ActionConcurrency concurrency,
        Duration timeout, List<DashboardLink> dashboardLinks, String unit, int decimals) {

    /** The most decimals a result may be shown with. */
    public static final int MAX_DECIMALS = 15;

    public ActionInfo {
        parameters = List.copyOf(parameters);
        confirm = confirm == null ? "" : confirm;
        dashboardLinks = dashboardLinks == null ? List.of() : List.copyOf(dashboardLinks);
        unit = unit == null ? "" : unit;
        if (decimals < -1 || decimals > MAX_DECIMALS) {
            throw new IllegalArgumentException(id + ": decimals must be -1 (as returned) or 0.." + MAX_DECIMALS
                    + ", got " + decimals);
        }
    }

    /** An action whose result is shown as returned. */
    public ActionInfo(String id, String name, String componentId, String owner, boolean local,
            List<ParameterInfo> parameters, String returnType, String confirm, ActionConcurrency concurrency,
            Duration timeout, List<DashboardLink> dashboardLinks) {
        this(id, name, componentId, owner, local, parameters, returnType, confirm, concurrency, timeout,
                dashboardLinks, "", -1);
    }

    /** An action shown on no dashboard, whose result is shown as returned. */
    public ActionInfo(String id, String name, String componentId, String owner, boolean local,
            List<ParameterInfo> parameters, String returnType, String confirm, ActionConcurrency concurrency,
            Duration timeout) {
        this(id, name, componentId, owner, local, parameters, returnType, confirm, concurrency, timeout, List.of());
    }

    public String signature() {
        StringBuilder b = new StringBuilder(id).append('(');
        for (int i = 0; i < parameters.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(parameters.get(i));
        }
        return b.append(')').toString();
    }

    /**
     * A number result as users read it: with at most {@link #decimals()} decimals (trailing zeros dropped, as
     * values show them) and the {@link #unit()} after it, e.g. {@code 50 %}.
     */
    public String formatNumber(Number result) {
        String text = result.toString();
        if (decimals >= 0 && isFinite(result)) {
            text = new BigDecimal(text).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString();
        }
        return unit.isEmpty() ? text : text + " " + unit;
    }

    private static boolean isFinite(Number n) {
        return !(n instanceof Double d && (d.isNaN() || d.isInfinite()))
                && !(n instanceof Float f && (f.isNaN() || f.isInfinite()));
    }
}
