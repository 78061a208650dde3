package rawabit.ci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j's embedded Community edition with its Bolt server on
 * 127.0.0.1:PORT, for Rawabit's Neo4j tests.
 *
 * <p>Usage: {@code java -cp target/classes:target/lib/* rawabit.ci.Launcher PORT [DATA_DIR]}.
 * Without DATA_DIR the database lives in a fresh temporary folder that is
 * deleted at shutdown; with it, the folder is kept (and reused when it holds a
 * database), which the crash tests need. Authentication is off: the server
 * listens on the loopback address only. Once the default database
 * ({@code neo4j}) is available, it prints one line,
 * {@code READY bolt://127.0.0.1:PORT}, on stdout. SIGTERM (or SIGINT) shuts
 * the database down cleanly and exits 0; SIGKILL is the crash.
 */
public final class Launcher {
    private Launcher() {}

    /**
     * Page cache size: the test graphs are a few MB to a few hundred MB, so
     * 256 MiB; NEO4J_PAGECACHE_MB sets another size (scripts/scale gives the
     * million-claim graph more).
     */
    private static long pageCacheBytes() {
        String mb = System.getenv("NEO4J_PAGECACHE_MB");
        return ByteUnit.mebiBytes(mb == null || mb.isEmpty() ? 256 : Long.parseLong(mb));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Launcher PORT [DATA_DIR]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        boolean fresh = args.length == 1;
        Path home = fresh ? Files.createTempDirectory("rawabit-neo4j-") : Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(home);

        SocketAddress address = new SocketAddress("127.0.0.1", port);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, address)
                .setConfig(BoltConnector.advertised_address, address)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes())
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("Launcher: shutting Neo4j down");
            dbms.shutdown();
            if (fresh) {
                deleteTree(home);
            }
            stopped.countDown();
        }, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(TimeUnit.MINUTES.toMillis(5))) {
            System.err.println("Launcher: database " + db.databaseName() + " did not become available");
            System.exit(1);
        }
        System.out.println("READY bolt://127.0.0.1:" + port + " data=" + home);
        System.out.flush();
        stopped.await();
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Launcher: could not delete " + root + ": " + e);
        }
    }
}
