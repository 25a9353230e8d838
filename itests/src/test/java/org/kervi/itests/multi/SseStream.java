package org.kervi.itests.multi;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A server-sent events client: parses {@code event:}/{@code data:} lines into events as they arrive. */
final class SseStream implements AutoCloseable {
    /** One event; {@code receivedNanos} is when its blank line arrived. */
    record Event(String name, JsonElement data, long receivedNanos) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;
    private final CompletableFuture<Void> end = new CompletableFuture<>();

    private SseStream(HttpClient http, URI uri) {
        HttpRequest req = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        response = http.sendAsync(req, HttpResponse.BodyHandlers.ofLines());
        response.whenComplete((resp, failed) -> {
            if (failed != null) {
                end.complete(null);
            }
        });
        response.thenAcceptAsync(resp -> {
            status = resp.statusCode();
            String name = "message";
            StringBuilder data = new StringBuilder();
            try (Stream<String> lines = resp.body()) {
                for (String line : (Iterable<String>) lines::iterator) {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            events.add(new Event(name, JsonParser.parseString(data.toString()), System.nanoTime()));
                        }
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).trim());
                    }
                }
            } catch (RuntimeException e) {
                // the connection was closed under us
            } finally {
                end.complete(null);
            }
        });
    }

    static SseStream open(HttpClient http, URI uri) {
        return new SseStream(http, uri);
    }

    int status(Duration timeout) throws Exception {
        return response.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
    }

    /** Waits for the next event that matches, dropping the others; null on timeout. */
    Event await(Predicate<Event> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event e = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (e == null) {
                return null;
            }
            if (wanted.test(e)) {
                return e;
            }
        }
    }

    /** Waits until the server ends the stream; false if it still runs after {@code timeout}. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        try {
            end.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    @Override
    public void close() {
        response.cancel(true);
        response.thenAccept(resp -> resp.body().close());
    }
}
