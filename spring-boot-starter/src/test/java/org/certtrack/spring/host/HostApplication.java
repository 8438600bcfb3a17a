package org.certtrack.spring.host;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A host application with nothing of certtrack in it: its own versioned entity, named query, JOINED
 * hierarchy, Flyway scripts ({@code db/host}), Spring Data repository and a second pool of its own. The
 * host-invariance suite runs it with and without certtrack's starter.
 */
@SpringBootApplication
public class HostApplication {

    /** The data source properties the host gives its second pool. */
    public static final String REPORTING_APPLICATION_NAME = "reports";

    /** A second pool, for reports; not the application's main DataSource (Boot still makes that one). */
    @Bean(defaultCandidate = false, destroyMethod = "close")
    @Qualifier("reporting")
    HikariDataSource reportingPool(@Value("${spring.datasource.url}") String url,
                                   @Value("${spring.datasource.username:}") String username,
                                   @Value("${spring.datasource.password:}") String password) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("reporting");
        pool.setJdbcUrl(url);
        pool.setUsername(username);
        pool.setPassword(password);
        pool.setMaximumPoolSize(1);
        if (url.startsWith("jdbc:postgresql:")) {
            pool.addDataSourceProperty("ApplicationName", REPORTING_APPLICATION_NAME);
        }
        return pool;
    }
}
