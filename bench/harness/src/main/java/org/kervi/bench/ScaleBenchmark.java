package org.kervi.bench;

/**
 * The scaling curves of issue #17, one per run: {@code ids}, {@code instances}, {@code browsers}, {@code actions}
 * ({@code bench/run-scale.sh <curve>}). Prints a table, writes the charts (PNG, JFreeChart) under
 * {@code docs/perf/} and the report under {@code bench/harness/target/bench-results/scale-<curve>-<time>.md}.
 */
public final class ScaleBenchmark {
    private ScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String curve = args.length == 1 ? args[0] : "";
        String machine = Bench.machine();
        System.out.println("[bench] machine: " + machine);
        String body = switch (curve) {
            case "ids" -> new IdsCurve().run();
            case "instances" -> new InstancesCurve().run();
            case "browsers" -> new BrowsersCurve().run();
            case "actions" -> new ActionsCurve().run();
            default -> throw new IllegalArgumentException("name one curve: ids, instances, browsers or actions (got '"
                    + curve + "')");
        };
        Bench.publish("scale-" + curve, "Scaling curve: " + curve, machine, "Command: `bench/run-scale.sh " + curve
                + "`\n\n" + body);
        System.exit(0);
    }
}
