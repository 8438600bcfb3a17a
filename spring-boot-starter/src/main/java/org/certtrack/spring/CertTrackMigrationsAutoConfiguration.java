package org.certtrack.spring;

import javax.sql.DataSource;

import org.certtrack.DatabaseUrl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * certtrack's migrations in an application with a {@link DataSource}: {@link CertTrackSchemaInitializer}
 * migrates certtrack's tables before the {@code EntityManagerFactory} and the application's own Flyway start.
 * Apart from the rest of the starter, so that the JDBC test slices ({@code @JdbcTest}, {@code @DataJdbcTest},
 * {@code @DataJpaTest}) include it as they include Boot's own Flyway.
 *
 * <p>It migrates through the application's {@code DataSource} unless {@code certtrack.migrations.url},
 * {@code .user} or {@code .password} is set; then through connections of its own made with those (each
 * unset one taken from the application's {@code spring.datasource.*}), as Spring Boot does for
 * {@code spring.flyway.url/user/password}. {@code certtrack.migrations.enabled} is read when the
 * application starts, not decided by a condition, so an AOT-processed application honours it too.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "certtrack.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CertTrackProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class CertTrackMigrationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CertTrackSchemaInitializer certTrackSchemaInitializer(DataSource dataSource, CertTrackProperties properties,
                                                          ObjectProvider<JdbcConnectionDetails> connectionDetails) {
        CertTrackProperties.Migrations migrations = properties.migrations();
        if (!migrations.ownCredentials()) {
            return new CertTrackSchemaInitializer(dataSource, "the application's DataSource", migrations.enabled(),
                    migrations.lockTimeout());
        }
        JdbcConnectionDetails application = connectionDetails.getIfAvailable();
        String url = migrations.url() != null ? migrations.url() : application == null ? null : application.getJdbcUrl();
        if (url == null) {
            throw new IllegalStateException("certtrack.migrations.user or .password is set, but the application's"
                    + " DataSource has no URL to connect to as that user (an embedded database?): set"
                    + " certtrack.migrations.url too");
        }
        String user = migrations.user() != null ? migrations.user() : application == null ? null : application.getUsername();
        String password = migrations.password() != null ? migrations.password()
                : application == null ? null : application.getPassword();
        DataSource migrating = DataSourceBuilder.create(CertTrackMigrationsAutoConfiguration.class.getClassLoader())
                .type(SimpleDriverDataSource.class).url(url).username(user).password(password).build();
        String where = (migrations.url() != null ? "certtrack.migrations.url " + DatabaseUrl.mask(url) : "the application's database")
                + (user == null ? "" : " as user " + user);
        return new CertTrackSchemaInitializer(migrating, where, migrations.enabled(), migrations.lockTimeout());
    }
}
