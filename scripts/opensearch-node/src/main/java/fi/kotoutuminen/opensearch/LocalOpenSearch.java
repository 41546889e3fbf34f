package fi.kotoutuminen.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single-node OpenSearch on 127.0.0.1 for development and CI: the server jars from Maven
 * Central with the two plugins the site needs on the classpath, data in a folder given on the
 * command line (scripts/services.sh makes it a temporary one and deletes it on stop).
 *
 * <pre>java -cp ... fi.kotoutuminen.opensearch.LocalOpenSearch HOME HTTP_PORT TRANSPORT_PORT</pre>
 *
 * Not for production: no security plugin, no bootstrap checks (they only apply to a node
 * bound to a non-loopback address).
 */
public final class LocalOpenSearch {

    /** Node's constructor that takes plugins from the classpath is protected. */
    static final class ClasspathPluginsNode extends Node {
        ClasspathPluginsNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
            super(environment, plugins, true);
        }
    }

    static final List<Class<? extends Plugin>> PLUGINS = List.of(Netty4Plugin.class, CommonAnalysisPlugin.class);

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: LocalOpenSearch HOME HTTP_PORT TRANSPORT_PORT");
            System.exit(2);
        }
        Path home = Paths.get(args[0]).toAbsolutePath();
        String httpPort = args[1];
        String transportPort = args[2];
        // OpenSearch refuses to start without these folders under path.home, even empty.
        for (String folder : List.of("config", "data", "logs", "plugins", "modules")) {
            Files.createDirectories(home.resolve(folder));
        }

        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.name", "kotoutuminen-local")
                .put("node.name", "local")
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", transportPort)
                // A developer's disk may be fuller than a server's: never turn indices read-only.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("logger.level", "WARN")
                .build();
        LogConfigurator.configureWithoutConfig(settings);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
                settings, Collections.emptyMap(), home.resolve("config"), () -> "local");

        Node node = new ClasspathPluginsNode(environment, PLUGINS);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                System.err.println("closing the node: " + e);
            } finally {
                closed.countDown();
            }
        }));
        node.start();

        // One node holds no replicas: without this every index would stay yellow.
        node.client().admin().indices().preparePutTemplate("single-node-no-replicas")
                .setPatterns(List.of("*"))
                .setOrder(-1)
                .setSettings(Settings.builder().put("index.number_of_replicas", 0))
                .get();
        System.out.println("OpenSearch " + org.opensearch.Version.CURRENT + " listening on http://127.0.0.1:" + httpPort
                + " (data in " + home + ")");
        closed.await();
    }

    private LocalOpenSearch() {
    }
}
