package org.kervi.history.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.kervi.api.history.HistoryPoint;
import org.kervi.api.history.HistorySeries;
import org.kervi.api.history.StoredValue;

/**
 * The SQL both stores share. Tables: {@code series} (id → small integer), {@code sample} (one row per change, key
 * series + time), {@code rollup_1m} (min / max / sum / count per series and minute), {@code kept_state}. One
 * connection writes (the writer thread), one reads; a failed call closes its connection, the next opens a new one.
 */
abstract class JdbcHistoryStore implements HistoryStore {
    private final Object writeLock = new Object();
    private final Object readLock = new Object();
    private final Map<String, SeriesRef> seriesByName = new java.util.concurrent.ConcurrentHashMap<>();
    private Connection writeConnection;
    private volatile long rollupFromBucketMillis = RollupReads.FROM_BUCKET_MILLIS;
    private Connection readConnection;

    record SeriesRef(int id, SeriesType type) {}

    /**
     * A new connection with the store's settings applied; the writer's with auto-commit off, the reader's with it
     * on (an idle reader must hold no snapshot: SQLite could not checkpoint its log).
     */
    protected abstract Connection connect(boolean autoCommit) throws SQLException;

    /** Statements creating the tables and indexes when they are missing. */
    protected abstract List<String> schema();

    /** The SQL function giving the smaller (or larger) of two numbers. */
    protected abstract String least();

    protected abstract String greatest();

    // ---- writes -------------------------------------------------------------------------------------------

    @Override
    public void write(List<Sample> samples, Collection<StoredValue> keptStates) throws SQLException {
        synchronized (writeLock) {
            Connection c = writer();
            Map<String, SeriesRef> added = new HashMap<>();
            try {
                Map<String, SeriesRef> ids = seriesOf(c, samples, added);
                insertSamples(c, ids, lastPerSeriesAndTime(samples));
                addRollups(c, ids, samples);
                keep(c, keptStates);
                c.commit();
                seriesByName.putAll(added);
            } catch (SQLException | RuntimeException e) {
                closeWriter();
                throw e;
            }
        }
    }

    private Map<String, SeriesRef> seriesOf(Connection c, List<Sample> samples, Map<String, SeriesRef> added)
            throws SQLException {
        Map<String, SeriesRef> ids = new HashMap<>();
        for (Sample s : samples) {
            if (ids.containsKey(s.id())) {
                continue;
            }
            SeriesRef ref = seriesByName.get(s.id());
            if (ref == null) {
                ref = findSeries(c, s.id()).orElse(null);
            }
            if (ref == null) {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO series (name, type) VALUES (?, ?) RETURNING id")) {
                    insert.setString(1, s.id());
                    insert.setString(2, s.type().code());
                    try (ResultSet rs = insert.executeQuery()) {
                        rs.next();
                        ref = new SeriesRef(rs.getInt(1), s.type());
                    }
                }
                added.put(s.id(), ref);
            }
            ids.put(s.id(), ref);
        }
        return ids;
    }

    /** A batch may change a series twice in one millisecond: the later change is the one kept. */
    private static Collection<Sample> lastPerSeriesAndTime(List<Sample> samples) {
        record Key(String id, long time) {}
        Map<Key, Sample> last = new LinkedHashMap<>(samples.size() * 2);
        for (Sample s : samples) {
            last.put(new Key(s.id(), s.timeMillis()), s);
        }
        return last.values();
    }

    /** Inserts changes (at most one per series and millisecond), replacing a stored change at the same time. */
    protected void insertSamples(Connection c, Map<String, SeriesRef> ids, Collection<Sample> samples)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO sample (series, t, num, txt) VALUES"
                + " (?, ?, ?, ?) ON CONFLICT (series, t) DO UPDATE SET num = excluded.num, txt = excluded.txt")) {
            for (Sample s : samples) {
                insert.setInt(1, ids.get(s.id()).id());
                insert.setLong(2, s.timeMillis());
                if (s.numeric()) {
                    insert.setDouble(3, s.number());
                    insert.setNull(4, Types.VARCHAR);
                } else {
                    insert.setNull(3, Types.DOUBLE);
                    insert.setString(4, s.text());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void addRollups(Connection c, Map<String, SeriesRef> ids, List<Sample> samples) throws SQLException {
        Rollups rollups = new Rollups();
        for (Sample s : samples) {
            if (s.numeric()) {
                rollups.add(ids.get(s.id()).id(), s.timeMillis(), s.number());
            }
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO rollup_1m (series, minute_t, vmin, vmax,"
                + " vsum, n, tmin, tmax) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (series, minute_t) DO UPDATE SET"
                + " vmin = " + least() + "(rollup_1m.vmin, excluded.vmin), vmax = " + greatest()
                + "(rollup_1m.vmax, excluded.vmax), vsum = rollup_1m.vsum + excluded.vsum,"
                + " n = rollup_1m.n + excluded.n,"
                + " tmin = CASE WHEN excluded.vmin < rollup_1m.vmin OR excluded.vmin = rollup_1m.vmin"
                + " AND excluded.tmin < rollup_1m.tmin THEN excluded.tmin ELSE rollup_1m.tmin END,"
                + " tmax = CASE WHEN excluded.vmax > rollup_1m.vmax OR excluded.vmax = rollup_1m.vmax"
                + " AND excluded.tmax < rollup_1m.tmax THEN excluded.tmax ELSE rollup_1m.tmax END")) {
            for (Map.Entry<Rollups.Key, Rollups.Cell> e : rollups.cells()) {
                upsert.setInt(1, e.getKey().series());
                upsert.setLong(2, e.getKey().minute());
                upsert.setDouble(3, e.getValue().min);
                upsert.setDouble(4, e.getValue().max);
                upsert.setDouble(5, e.getValue().sum);
                upsert.setLong(6, e.getValue().count);
                upsert.setLong(7, e.getValue().minTime);
                upsert.setLong(8, e.getValue().maxTime);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void keep(Connection c, Collection<StoredValue> keptStates) throws SQLException {
        if (keptStates.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO kept_state (id, t, type, num, txt) VALUES"
                + " (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET t = excluded.t, type = excluded.type,"
                + " num = excluded.num, txt = excluded.txt")) {
            for (StoredValue kept : keptStates) {
                Sample s = Sample.of(kept.id(), kept.timeMillis(), kept.value());
                upsert.setString(1, s.id());
                upsert.setLong(2, s.timeMillis());
                upsert.setString(3, s.type().code());
                if (s.numeric()) {
                    upsert.setDouble(4, s.number());
                    upsert.setNull(5, Types.VARCHAR);
                } else {
                    upsert.setNull(4, Types.DOUBLE);
                    upsert.setString(5, s.text());
                }
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    @Override
    public long deleteExpired(ToLongFunction<String> rawCutoff, long rollupCutoffMillis) throws SQLException {
        synchronized (writeLock) {
            Connection c = writer();
            try {
                long deleted = 0;
                Map<String, Integer> all = new LinkedHashMap<>();
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT name, id FROM series")) {
                    while (rs.next()) {
                        all.put(rs.getString(1), rs.getInt(2));
                    }
                }
                try (PreparedStatement raw = c.prepareStatement("DELETE FROM sample WHERE series = ? AND t < ?")) {
                    for (Map.Entry<String, Integer> e : all.entrySet()) {
                        raw.setInt(1, e.getValue());
                        raw.setLong(2, rawCutoff.applyAsLong(e.getKey()));
                        deleted += raw.executeUpdate();
                    }
                }
                try (PreparedStatement rollups = c.prepareStatement("DELETE FROM rollup_1m WHERE minute_t < ?")) {
                    rollups.setLong(1, rollupCutoffMillis);
                    deleted += rollups.executeUpdate();
                }
                c.commit();
                return deleted;
            } catch (SQLException | RuntimeException e) {
                closeWriter();
                throw e;
            }
        }
    }

    /** The bucket width from which number series are read from rollups; the benchmark compares both paths. */
    void rollupFromBucketMillis(long millis) {
        rollupFromBucketMillis = millis;
    }

    // ---- reads --------------------------------------------------------------------------------------------

    @Override
    public HistorySeries query(String id, long from, long to, int maxPoints, boolean rollup) throws SQLException {
        synchronized (readLock) {
            Connection c = reader();
            try {
                // in a transaction: PostgreSQL streams rows by the fetch size only then, and both read one snapshot
                c.setAutoCommit(false);
                HistorySeries series = query(c, id, from, to, maxPoints, rollup);
                c.commit();
                c.setAutoCommit(true);
                return series;
            } catch (SQLException | RuntimeException e) {
                closeReader();
                throw e;
            }
        }
    }

    private HistorySeries query(Connection c, String id, long from, long to, int maxPoints, boolean rollup)
            throws SQLException {
        Optional<SeriesRef> ref = series(c, id);
        if (ref.isEmpty()) {
            return new HistorySeries(id, from, to, List.of(), "raw", false, 0);
        }
        SeriesType type = ref.get().type();
        int series = ref.get().id();
        if (type == SeriesType.TEXT) {
            return raw(c, id, Source.RAW_TEXT, type, series, from, to, maxPoints);
        }
        if (rollup) {
            long matched = RangeReads.count(c, Source.ROLLUP, series, from, to);
            if (matched <= maxPoints) {
                return new HistorySeries(id, from, to, RangeReads.plain(c, Source.ROLLUP, SeriesType.NUMBER, series,
                        from, to), Source.ROLLUP.label(), false, matched);
            }
            return fromRollups(id, RollupReads.downsample(c, series, from, to, maxPoints), from, to);
        }
        if (Buckets.width(from, to, maxPoints) >= rollupFromBucketMillis) {
            RangeReads.OnePass wide = RollupReads.downsample(c, series, from, to, maxPoints);
            if (wide.downsampled()) {
                return fromRollups(id, wide, from, to);
            }
        }
        return raw(c, id, Source.RAW_NUMBER, type, series, from, to, maxPoints);
    }

    private static HistorySeries raw(Connection c, String id, Source source, SeriesType type, int series, long from,
            long to, int maxPoints) throws SQLException {
        RangeReads.OnePass read = RangeReads.raw(c, source, type, series, from, to, maxPoints);
        return new HistorySeries(id, from, to, read.points(), source.label(), read.downsampled(), read.matched());
    }

    private static HistorySeries fromRollups(String id, RangeReads.OnePass read, long from, long to) {
        return new HistorySeries(id, from, to, read.points(), Source.ROLLUP.label(), true, read.matched());
    }

    @Override
    public Map<String, StoredValue> lastValues(Collection<String> ids) throws SQLException {
        synchronized (readLock) {
            Connection c = reader();
            try (PreparedStatement last = c.prepareStatement(
                    "SELECT t, num, txt FROM sample WHERE series = ? ORDER BY t DESC LIMIT 1")) {
                Map<String, StoredValue> values = new LinkedHashMap<>();
                for (String id : ids) {
                    Optional<SeriesRef> ref = series(c, id);
                    if (ref.isEmpty()) {
                        continue;
                    }
                    last.setInt(1, ref.get().id());
                    try (ResultSet rs = last.executeQuery()) {
                        if (rs.next()) {
                            double number = rs.getDouble(2);
                            boolean numberNull = rs.wasNull();
                            values.put(id, new StoredValue(id, rs.getLong(1),
                                    ref.get().type().decode(number, rs.getString(3), numberNull)));
                        }
                    }
                }
                return values;
            } catch (SQLException | RuntimeException e) {
                closeReader();
                throw e;
            }
        }
    }

    @Override
    public Map<String, StoredValue> keptStates() throws SQLException {
        synchronized (readLock) {
            Connection c = reader();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT id, t, type, num, txt FROM kept_state ORDER BY id")) {
                Map<String, StoredValue> kept = new LinkedHashMap<>();
                while (rs.next()) {
                    double number = rs.getDouble(4);
                    boolean numberNull = rs.wasNull();
                    Object value = SeriesType.ofCode(rs.getString(3)).decode(number, rs.getString(5), numberNull);
                    kept.put(rs.getString(1), new StoredValue(rs.getString(1), rs.getLong(2), value));
                }
                return kept;
            } catch (SQLException | RuntimeException e) {
                closeReader();
                throw e;
            }
        }
    }

    private Optional<SeriesRef> series(Connection c, String id) throws SQLException {
        SeriesRef cached = seriesByName.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SeriesRef> found = findSeries(c, id);
        found.ifPresent(ref -> seriesByName.put(id, ref));
        return found;
    }

    private static Optional<SeriesRef> findSeries(Connection c, String id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id, type FROM series WHERE name = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(new SeriesRef(rs.getInt(1), SeriesType.ofCode(rs.getString(2))))
                        : Optional.empty();
            }
        }
    }

    // ---- connections --------------------------------------------------------------------------------------

    /** Opens the write connection (creating the tables) when there is none. */
    private Connection writer() throws SQLException {
        if (writeConnection == null) {
            Connection c = connect(false);
            try (Statement st = c.createStatement()) {
                for (String ddl : schema()) {
                    st.execute(ddl);
                }
                addRollupTimesToOlderTable(c, st);
                c.commit();
            } catch (SQLException e) {
                closeQuietly(c);
                throw e;
            }
            writeConnection = c;
        }
        return writeConnection;
    }

    /** A {@code rollup_1m} created before it kept the times of its min and max gets the (nullable) columns. */
    private static void addRollupTimesToOlderTable(Connection c, Statement st) throws SQLException {
        for (String column : List.of("tmin", "tmax")) {
            try (ResultSet rs = c.getMetaData().getColumns(null, null, "rollup_1m", column)) {
                if (!rs.next()) {
                    st.execute("ALTER TABLE rollup_1m ADD COLUMN " + column + " bigint");
                }
            }
        }
    }

    private Connection reader() throws SQLException {
        if (readConnection == null) {
            synchronized (writeLock) {
                writer();
            }
            readConnection = connect(true);
        }
        return readConnection;
    }

    private void closeWriter() {
        closeQuietly(writeConnection);
        writeConnection = null;
    }

    private void closeReader() {
        closeQuietly(readConnection);
        readConnection = null;
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException | RuntimeException ignored) {
            // the connection is going anyway
        }
        try {
            c.close();
        } catch (SQLException | RuntimeException ignored) {
            // nothing more to do with a broken connection
        }
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            closeWriter();
        }
        synchronized (readLock) {
            closeReader();
        }
    }
}
