package org.certtrack.peer;

import java.nio.file.Path;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The peer, as its benchmarks run it ({@code java -jar certtrack-benchmarks-peer-exec.jar MODE ...}):
 *
 * <pre>
 * serve --server.port=P --spring.datasource.url=URL   the JSON API, until stopped
 * workloads --spring.datasource.url=URL               no web server: runs the workloads {@link Workloads} reads on stdin
 * cold-start PATH                                     migrates a new H2 database at PATH, counts the engineers, exits
 * </pre>
 */
@SpringBootApplication
public class PeerApplication {

    /** What the cold start prints with the first query's result; the benchmark times the JVM until it. */
    static final String FIRST_QUERY_RESULT = "first query result: ";

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "serve" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (mode) {
            case "serve" -> {
                ConfigurableApplicationContext context = SpringApplication.run(PeerApplication.class, rest);
                System.out.println("Serving GET /instructors on port " + context.getEnvironment().getProperty("local.server.port"));
            }
            case "workloads" -> {
                try (ConfigurableApplicationContext context = withoutWeb().run(rest)) {
                    context.getBean(Workloads.class).run(System.in, System.out);
                }
            }
            case "cold-start" -> {
                try (ConfigurableApplicationContext context = withoutWeb().run(
                        "--spring.datasource.url=jdbc:h2:file:" + Path.of(rest[0]).toAbsolutePath(),
                        "--spring.datasource.username=sa",
                        "--spring.flyway.enabled=true")) {
                    System.out.println(FIRST_QUERY_RESULT + context.getBean(EngineerRepository.class).count());
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode + ": serve, workloads or cold-start");
        }
    }

    private static SpringApplication withoutWeb() {
        SpringApplication application = new SpringApplication(PeerApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application;
    }
}
