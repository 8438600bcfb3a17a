package org.certtrack;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a database is and who to log in as, parsed from the forms a {@code DATABASE_URL} takes:
 * {@code postgresql://user:pass@host:port/db} (as the original app's {@code .env} files and most hosting
 * platforms write it; {@code postgres://} too) or any JDBC URL ({@code jdbc:postgresql://...},
 * {@code jdbc:h2:...}). A password found in the URL is moved out of it, and {@link #toString()} masks it,
 * so the URL can be logged.
 *
 * @param jdbcUrl  the JDBC URL, without the password
 * @param username the user, or null to let the driver decide
 * @param password the password, or null for none
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    private static final Pattern PASSWORD_IN_USER_INFO = Pattern.compile("(//[^/@:]*:)[^/@]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");

    public DatabaseUrl {
        requireNonNull(jdbcUrl, "jdbcUrl");
    }

    /**
     * Parses a {@code DATABASE_URL}.
     *
     * @throws InvalidValueException naming {@code DATABASE_URL}, with the password masked, if the URL is
     *                               neither a PostgreSQL URL nor a JDBC URL
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidValueException("DATABASE_URL", "must not be blank", url);
        }
        String trimmed = url.strip();
        if (trimmed.startsWith("postgresql://") || trimmed.startsWith("postgres://")) {
            return fromPostgresUri(trimmed, trimmed.substring(trimmed.indexOf("://") + 3));
        }
        if (trimmed.startsWith("jdbc:postgresql://")) {
            return fromPostgresUri(trimmed, trimmed.substring("jdbc:postgresql://".length()));
        }
        if (trimmed.startsWith("jdbc:") && trimmed.indexOf(':', 5) > 5) {
            return new DatabaseUrl(trimmed, null, null);
        }
        throw new InvalidValueException("DATABASE_URL",
                "must look like postgresql://user:password@host:5432/db or jdbc:postgresql://host:5432/db",
                trimmed.contains("//") ? mask(trimmed) : "(" + trimmed.length() + " characters, not shown: they may be a secret)");
    }

    /** {@code text} with every password in a URL (user info or a {@code password=} parameter) replaced by {@code ****}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = PASSWORD_IN_USER_INFO.matcher(text).replaceAll("$1****@");
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1****");
    }

    private static DatabaseUrl fromPostgresUri(String original, String afterScheme) {
        URI uri;
        try {
            uri = new URI("postgresql://" + afterScheme);
        } catch (URISyntaxException e) {
            throw new InvalidValueException("DATABASE_URL", "is not a valid URL (" + mask(e.getReason()) + ")",
                    mask(original));
        }
        if (uri.getHost() == null) {
            throw new InvalidValueException("DATABASE_URL", "must name a host", mask(original));
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new InvalidValueException("DATABASE_URL", "must name a port between 1 and 65535", mask(original));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.length() <= 1) {
            throw new InvalidValueException("DATABASE_URL", "must name a database after the host", mask(original));
        }
        String username = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] userInfo = uri.getRawUserInfo().split(":", 2);
            username = decode(userInfo[0]);
            password = userInfo.length > 1 ? decode(userInfo[1]) : null;
        }
        List<String> parameters = new ArrayList<>();
        if (uri.getRawQuery() != null) {
            for (String parameter : uri.getRawQuery().split("&")) {
                String lower = parameter.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("password=")) {
                    password = decode(parameter.substring("password=".length()));
                } else if (lower.startsWith("user=")) {
                    username = decode(parameter.substring("user=".length()));
                } else if (!parameter.isEmpty()) {
                    parameters.add(parameter);
                }
            }
        }
        String hostAndPort = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        String jdbcUrl = "jdbc:postgresql://" + hostAndPort + path
                + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
        return new DatabaseUrl(jdbcUrl, username, password);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The JDBC URL and user, with the password masked: safe to log. */
    @Override
    public String toString() {
        return mask(jdbcUrl) + (username == null ? "" : " as " + username) + (password == null ? "" : " (password ****)");
    }
}
