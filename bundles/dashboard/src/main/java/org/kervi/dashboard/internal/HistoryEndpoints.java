package org.kervi.dashboard.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.kervi.api.history.ValueHistory;
import org.kervi.api.runtime.KerviRegistry;

/** {@code api/history}, {@code api/history.csv} and {@code api/health}: see docs/dashboard-api.md. */
final class HistoryEndpoints {
    private final KerviRegistry registry;
    private final ModelSource models;
    private final Supplier<ValueHistory> store;
    private final HistoryLookup lookup;

    HistoryEndpoints(KerviRegistry registry, ModelSource models, Supplier<ValueHistory> store, History memory) {
        this.registry = registry;
        this.models = models;
        this.store = store;
        this.lookup = new HistoryLookup(store, memory);
    }

    void json(HttpServletRequest req, HttpServletResponse resp, UserSession session) throws IOException {
        ApiServlet.send(resp, 200, HistoryJson.of(find(req, session)));
    }

    void csv(HttpServletRequest req, HttpServletResponse resp, UserSession session) throws IOException {
        HistoryLookup.Answer answer = find(req, session);
        resp.setStatus(200);
        resp.setContentType("text/csv");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + HistoryCsv.fileName(answer.series()) + "\"");
        Writer out = new OutputStreamWriter(resp.getOutputStream(), StandardCharsets.UTF_8);
        HistoryCsv.write(answer.series(), out);
        out.flush();
    }

    void health(HttpServletResponse resp) throws IOException {
        ApiServlet.send(resp, 200, HealthJson.of(store.get(), System.currentTimeMillis()));
    }

    /**
     * The checked query's answer. An id the registry does not know now (its module away, say) is answered when the
     * store has points of it in the range; otherwise it is unknown (404), as in the rest of the API.
     */
    private HistoryLookup.Answer find(HttpServletRequest req, UserSession session) {
        HistoryQuery q = HistoryQuery.of(name -> parameter(req, name), System.currentTimeMillis());
        models.access(session).requireAllowed(q.id());
        boolean known = registry.value(q.id()).isPresent();
        HistoryLookup.Answer answer = lookup.find(q);
        if (!known && answer.series().points().isEmpty()) {
            throw new HttpError(404, "unknown value id '" + q.id() + "'");
        }
        return answer;
    }

    /**
     * A query parameter. A query string the container cannot decode (a percent-escape that is not UTF-8, such as
     * {@code %ff}) makes Jetty throw from {@code getParameter}: that is the client's mistake, a 400.
     */
    private static String parameter(HttpServletRequest req, String name) {
        try {
            return req.getParameter(name);
        } catch (RuntimeException undecodable) {
            throw new HttpError(400, "the query string cannot be decoded: " + undecodable.getMessage());
        }
    }
}
