package org.certtrack;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a database is and who to log in as, parsed from the forms a {@code DATABASE_URL} takes:
 * {@code postgresql://user:pass@host:port/db} (as most hosting platforms write it; {@code postgres://}
 * too) or any JDBC URL ({@code jdbc:postgresql://...}, {@code jdbc:h2:...}). A PostgreSQL URL may name
 * several servers, a primary and its standbys, in pgjdbc's multi-host form
 * ({@code postgresql://user@primary:5432,standby:5432/db}; see {@link #isMultiHost()}). A password found in
 * the URL is moved out of it, and {@link #toString()} masks it, so the URL can be logged.
 *
 * <p>Made only by {@link #parse(String)} and {@link #of(String, String, String)}, which both accept only
 * PostgreSQL and H2 URLs. (Until 0.2.0 it was a record whose public constructor accepted any text.)
 */
public final class DatabaseUrl {

    // Greedy to the last @ of the URL: a password may hold an unencoded @ or /, and masking too much is safe.
    private static final Pattern PASSWORD_IN_USER_INFO = Pattern.compile("(//[^/@:\\s]*:)[^\\s]*@");
    // A host name may hold underscores: Docker Compose names its services so (postgres_db), and DNS allows them.
    private static final String HOST_PORT = "(?:[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?|\\[[0-9A-Fa-f:.]+])(?::[0-9]{0,5})?";
    // One server, or several (host1:5432,host2:5433: a primary and its standbys, in pgjdbc's multi-host form).
    private static final Pattern HOST_PORT_DATABASE = Pattern.compile(
            "(?<hosts>(?:" + HOST_PORT + "(?:," + HOST_PORT + ")*)?)"
                    + "(?<path>/[^?#@]*)?(?:\\?(?<query>[^#]*))?");
    private static final Pattern PORT = Pattern.compile(":(?<port>[0-9]{0,5})$");
    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of(
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout");
    /** junixsocket's factory, through which pgjdbc reaches a Unix socket ({@code socketFactoryArg} names it). */
    static final String UNIX_SOCKET_FACTORY = "org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg";
    // libpq's target_session_attrs values, as pgjdbc's targetServerType names them.
    private static final Map<String, String> SESSION_ATTRS_TO_SERVER_TYPE = Map.of(
            "any", "any",
            "read-write", "primary",
            "primary", "primary",
            "read-only", "secondary",
            "standby", "secondary",
            "prefer-standby", "preferSecondary");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");

    private final String jdbcUrl;
    private final String username;
    private final String password;

    private DatabaseUrl(String jdbcUrl, String username, String password) {
        this.jdbcUrl = requireNonNull(jdbcUrl, "jdbcUrl");
        this.username = username;
        this.password = password;
    }

    /**
     * A JDBC URL with credentials given apart, as a pool or a test container hands them out
     * ({@code jdbc:postgresql://host:5432/db} or {@code jdbc:h2:...}), checked as {@link #parse(String)} checks
     * it. A user or password given here takes the place of one in the URL.
     *
     * @param username the user, or null for the URL's (or the driver's default)
     * @param password the password, or null for the URL's (or none)
     * @throws InvalidValueException naming {@code DATABASE_URL}, never showing a password, if the URL is
     *                               neither a PostgreSQL nor an H2 JDBC URL, or is malformed
     */
    public static DatabaseUrl of(String jdbcUrl, String username, String password) {
        DatabaseUrl parsed = parse(jdbcUrl);
        return new DatabaseUrl(parsed.jdbcUrl, username != null ? username : parsed.username,
                password != null ? password : parsed.password);
    }

    /** The JDBC URL, without the password. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user, or null to let the driver decide. */
    public String username() {
        return username;
    }

    /** The password, or null for none. Never logged: {@link #toString()} masks it. */
    public String password() {
        return password;
    }

    /**
     * Parses a {@code DATABASE_URL}.
     *
     * <p>In the {@code postgresql://} form the user information is everything up to the <em>last</em>
     * {@code @} that is followed by a host, an optional port and a database, so an unencoded {@code @} or
     * {@code /} in the password is read as part of it; user and password are percent-decoded
     * ({@code %40} is {@code @}, and a {@code +} stays a {@code +}). libpq's {@code application_name} and
     * {@code connect_timeout} parameters are passed to the driver under its own names, and libpq's
     * {@code target_session_attrs} becomes pgjdbc's {@code targetServerType} ({@code read-write} and
     * {@code primary}: {@code primary}; {@code read-only} and {@code standby}: {@code secondary};
     * {@code prefer-standby}: {@code preferSecondary}; {@code any}), so that a multi-host URL copied from libpq
     * routes as it did there (with {@code read-write}, reads too go to the primary). Only PostgreSQL
     * and H2 URLs are accepted: any other scheme is rejected here, before a driver sees (and may log) it.
     * A host name may hold underscores ({@code postgres_db}, a Docker Compose service). libpq's Unix-socket
     * form, without a host and with the socket's directory in {@code host=}
     * ({@code postgresql:///db?host=/var/run/postgresql}, {@code port=} picks the socket file), becomes a URL
     * that reaches the socket through junixsocket's socket factory: put
     * {@code com.kohlschutter.junixsocket:junixsocket-core} on the classpath to use it.
     *
     * @throws InvalidValueException naming {@code DATABASE_URL}, never showing any part of a password, if
     *                               the URL is neither a PostgreSQL URL nor an H2 JDBC URL, or is malformed
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidValueException("DATABASE_URL", "must not be blank", url);
        }
        String trimmed = url.strip();
        for (String scheme : List.of("postgresql://", "postgres://", "jdbc:postgresql://")) {
            if (trimmed.startsWith(scheme)) {
                return fromPostgresUri(scheme, trimmed.substring(scheme.length()));
            }
        }
        if (trimmed.startsWith("jdbc:h2:") && trimmed.length() > "jdbc:h2:".length()) {
            return fromH2Url(trimmed);
        }
        throw new InvalidValueException("DATABASE_URL",
                "must look like postgresql://user:password@host:5432/db, jdbc:postgresql://host:5432/db or jdbc:h2:...",
                hidden(trimmed));
    }

    /** {@code text} with every password in a URL (user info or a {@code password=} parameter) replaced by {@code ****}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        // Parameters first: an @ in a password parameter must not pass for the end of user information
        // (jdbc:postgresql://host:5432/db?password=a@b would show "b").
        String masked = PASSWORD_PARAMETER.matcher(text).replaceAll("$1****");
        return PASSWORD_IN_USER_INFO.matcher(masked).replaceAll("$1****@");
    }

    /**
     * A rejected URL as an error message may show it: its scheme only, never the rest, which may hold a
     * password in a form no pattern recognises.
     */
    private static String hidden(String url) {
        int schemeEnd = url.indexOf("://");
        String scheme = schemeEnd > 0 && url.substring(0, schemeEnd).matches("[A-Za-z0-9:+.-]+") ? url.substring(0, schemeEnd + 3) : "";
        // Short enough that InvalidValueException's 40-character quote shows it whole.
        return scheme + "<" + (url.length() - scheme.length()) + " characters hidden>";
    }

    private static DatabaseUrl fromPostgresUri(String scheme, String afterScheme) {
        // The user information ends at the last @ that a host and a database follow: a password may hold
        // an unencoded @ or / (and then no part of it may show in an error). Failing that, the last @ that a
        // host follows, to say what else is wrong.
        Matcher target = null;
        int at = -1;
        for (boolean needsDatabase : new boolean[] {true, false}) {
            for (int i = afterScheme.lastIndexOf('@'); target == null; i = afterScheme.lastIndexOf('@', i - 1)) {
                Matcher candidate = HOST_PORT_DATABASE.matcher(afterScheme.substring(i + 1));
                if (candidate.matches() && (!needsDatabase || namesDatabase(candidate))) {
                    target = candidate;
                    at = i;
                }
                if (i < 0) {
                    break;
                }
            }
        }
        String userInfo = at < 0 ? null : afterScheme.substring(0, at);
        String shown = scheme + (userInfo == null ? "" : userInfo.contains(":")
                ? userInfo.substring(0, userInfo.indexOf(':')) + ":****@" : "****@")
                + (target == null ? "(not shown: it may hold a password)" : mask(afterScheme.substring(at + 1)));
        if (target == null) {
            throw new InvalidValueException("DATABASE_URL", "must look like postgresql://user:password@host:5432/db"
                    + " (a host of letters, digits, dots and hyphens, or [an IPv6 address]; percent-encode @, / and :"
                    + " in the user or password as %40, %2F and %3A)", shown);
        }
        String hosts = target.group("hosts");
        String path = target.group("path");
        String socketDirectory = socketDirectory(target);
        if (hosts.isEmpty() && socketDirectory == null) {
            throw new InvalidValueException("DATABASE_URL", "must name a host (or a Unix socket's directory in host=/dir)", shown);
        }
        for (String host : hosts.split(",")) {
            Matcher port = PORT.matcher(host);
            if (port.find() && (port.group("port").isEmpty()
                    || Integer.parseInt(port.group("port")) < 1 || Integer.parseInt(port.group("port")) > 65535)) {
                throw new InvalidValueException("DATABASE_URL", "must name a port between 1 and 65535", shown);
            }
        }
        if (path == null || path.length() <= 1) {
            throw new InvalidValueException("DATABASE_URL", "must name a database after the host", shown);
        }
        String username = null;
        String password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            username = percentDecode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user", shown);
            password = colon < 0 ? null : percentDecode(userInfo.substring(colon + 1), "password", shown);
        }
        List<String> parameters = new ArrayList<>();
        String socketPort = "5432";
        String query = target.group("query");
        if (query != null) {
            for (String parameter : query.split("&")) {
                String lower = parameter.toLowerCase(Locale.ROOT);
                if (lower.startsWith("password=")) {
                    password = percentDecode(parameter.substring("password=".length()), "password", shown);
                } else if (lower.startsWith("user=")) {
                    username = percentDecode(parameter.substring("user=".length()), "user", shown);
                } else if (socketDirectory != null && lower.startsWith("host=")) {
                    continue;
                } else if (socketDirectory != null && lower.startsWith("port=")) {
                    socketPort = parameter.substring("port=".length());
                    if (!socketPort.matches("[0-9]{1,5}") || Integer.parseInt(socketPort) < 1 || Integer.parseInt(socketPort) > 65535) {
                        throw new InvalidValueException("DATABASE_URL", "must name a port between 1 and 65535", shown);
                    }
                } else if (!parameter.isEmpty()) {
                    parameters.add(driverName(parameter));
                }
            }
        }
        if (socketDirectory != null && hosts.isEmpty()) {
            // pgjdbc speaks TCP only: it reaches a Unix socket through junixsocket's socket factory, which the
            // application must put on its classpath (com.kohlschutter.junixsocket:junixsocket-core).
            hosts = "localhost";
            parameters.add("socketFactory=" + UNIX_SOCKET_FACTORY);
            parameters.add("socketFactoryArg=" + socketDirectory.replaceAll("/+$", "") + "/.s.PGSQL." + socketPort);
            parameters.add("sslmode=disable");
        }
        String jdbcUrl = "jdbc:postgresql://" + hosts + path
                + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
        return new DatabaseUrl(jdbcUrl, username, password);
    }

    /**
     * The directory of a Unix socket that libpq's {@code host=/dir} parameter names, in a URL without a host
     * ({@code postgresql:///db?host=/var/run/postgresql}); null when there is none.
     */
    private static String socketDirectory(Matcher target) {
        String query = target.group("query");
        if (query == null) {
            return null;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("host=/")) {
                return parameter.substring("host=".length());
            }
        }
        return null;
    }

    private static boolean namesDatabase(Matcher target) {
        return target.group("path") != null && target.group("path").length() > 1;
    }

    /** A libpq URI parameter under the name pgjdbc reads (it ignores libpq's {@code application_name}). */
    private static String driverName(String parameter) {
        int equals = parameter.indexOf('=');
        String name = equals < 0 ? parameter : parameter.substring(0, equals);
        if ("target_session_attrs".equalsIgnoreCase(name)) {
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            String serverType = SESSION_ATTRS_TO_SERVER_TYPE.get(value.toLowerCase(Locale.ROOT));
            if (serverType == null) {
                throw new InvalidValueException("DATABASE_URL", "target_session_attrs must be one of "
                        + "any, read-write, read-only, primary, standby, prefer-standby", value);
            }
            return "targetServerType=" + serverType;
        }
        String driverName = LIBPQ_TO_PGJDBC.get(name.toLowerCase(Locale.ROOT));
        return driverName == null ? parameter : driverName + (equals < 0 ? "" : parameter.substring(equals));
    }

    private static DatabaseUrl fromH2Url(String url) {
        // H2 reads ;USER= and ;PASSWORD= from the URL: move them out as for PostgreSQL, so the URL can be logged.
        String username = null;
        String password = null;
        StringBuilder rest = new StringBuilder();
        String[] parts = url.split(";", -1);
        rest.append(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String lower = parts[i].toLowerCase(Locale.ROOT);
            if (lower.startsWith("password=")) {
                password = parts[i].substring("password=".length());
            } else if (lower.startsWith("user=")) {
                username = parts[i].substring("user=".length());
            } else {
                rest.append(';').append(parts[i]);
            }
        }
        return new DatabaseUrl(rest.toString(), username, password);
    }

    /**
     * Percent-decodes as URLs do ({@code %2B} is {@code +}, and {@code +} stays {@code +}: form decoding,
     * which turns it into a space, is for HTML forms, not URLs).
     */
    private static String percentDecode(String text, String part, String shown) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int value = i + 2 < text.length() ? hexValue(text.charAt(i + 1), text.charAt(i + 2)) : -1;
                if (value < 0) {
                    throw new InvalidValueException("DATABASE_URL", "has a % in the " + part
                            + " that starts no %XX escape (write a literal % as %25)", shown);
                }
                bytes.write(value);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hexValue(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    /**
     * Whether this is a PostgreSQL URL naming several servers ({@code host1:5432,host2:5433}): a primary and
     * its standbys, which pgjdbc tells apart when it connects.
     */
    public boolean isMultiHost() {
        return jdbcUrl.startsWith("jdbc:postgresql://") && hostList().contains(",");
    }

    /**
     * The value of the driver parameter {@code name} in the URL's query ({@code targetServerType=primary}), or
     * null when the URL does not set it. Names are compared as pgjdbc does, exactly.
     */
    public String parameter(String name) {
        requireNonNull(name, "name");
        for (String parameter : queryParameters()) {
            if (parameter.startsWith(name + "=")) {
                return parameter.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** This URL with the driver parameter {@code name} set to {@code value}, in place of any value it had. */
    public DatabaseUrl withParameter(String name, String value) {
        requireNonNull(name, "name");
        requireNonNull(value, "value");
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalStateException("Only a PostgreSQL URL takes driver parameters: " + this);
        }
        List<String> parameters = new ArrayList<>();
        for (String parameter : queryParameters()) {
            if (!parameter.startsWith(name + "=")) {
                parameters.add(parameter);
            }
        }
        parameters.add(name + "=" + value);
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        return new DatabaseUrl(base + "?" + String.join("&", parameters), username, password);
    }

    private String hostList() {
        String afterScheme = jdbcUrl.substring("jdbc:postgresql://".length());
        int slash = afterScheme.indexOf('/');
        return slash < 0 ? afterScheme : afterScheme.substring(0, slash);
    }

    private List<String> queryParameters() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? List.of() : List.of(jdbcUrl.substring(query + 1).split("&"));
    }

    /** Whether {@code other} is a {@code DatabaseUrl} with the same JDBC URL, user and password. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DatabaseUrl that && jdbcUrl.equals(that.jdbcUrl) && Objects.equals(username, that.username)
                && Objects.equals(password, that.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jdbcUrl, username, password);
    }

    /** The JDBC URL and user, with the password masked: safe to log. */
    @Override
    public String toString() {
        return mask(jdbcUrl) + (username == null ? "" : " as " + username) + (password == null ? "" : " (password ****)");
    }
}
