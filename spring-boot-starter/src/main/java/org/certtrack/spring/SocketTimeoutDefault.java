package org.certtrack.spring;

import com.zaxxer.hikari.HikariDataSource;

import org.certtrack.CertTrack;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives the application's HikariCP pool on PostgreSQL certtrack's default {@code socketTimeout}
 * ({@link CertTrack#DEFAULT_SOCKET_TIMEOUT}) when it sets none, so that a server that stops answering in the
 * middle of a statement fails the transaction instead of holding it forever (pgjdbc's own default is no
 * limit). The application's own value wins: {@code spring.datasource.hikari.data-source-properties.socketTimeout},
 * or {@code socketTimeout} in the JDBC URL.
 */
class SocketTimeoutDefault implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && applies(pool)) {
            pool.addDataSourceProperty("socketTimeout", String.valueOf(CertTrack.DEFAULT_SOCKET_TIMEOUT.toSeconds()));
        }
        return bean;
    }

    private static boolean applies(HikariDataSource pool) {
        String url = pool.getJdbcUrl();
        return url != null && url.startsWith("jdbc:postgresql:") && !url.contains("socketTimeout=")
                && pool.getDataSourceProperties().getProperty("socketTimeout") == null;
    }
}
