package org.kervi.dashboard.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Serves the UI's page at {@code <path>/}, and sends {@code <path>} there. */
final class IndexServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient URL page;

    IndexServlet(URL page) {
        this.page = page;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String uri = req.getRequestURI();
        if (!uri.endsWith("/")) {
            resp.sendRedirect(uri + "/");
            return;
        }
        if (page == null) {
            resp.sendError(500, "the dashboard bundle has no web/index.html");
            return;
        }
        resp.setContentType("text/html");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-cache");
        try (InputStream in = page.openStream()) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
