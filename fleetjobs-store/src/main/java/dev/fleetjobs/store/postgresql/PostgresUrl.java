package dev.fleetjobs.store.postgresql;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a PostgreSQL database is and who to be there, from {@code postgresql://USER:PASSWORD@HOST:PORT/DB}
 * (as libpq takes it; {@code postgres://} too) or from a JDBC URL {@code jdbc:postgresql://HOST:PORT/DB?user=...}.
 *
 * @param jdbcUrl  the JDBC URL, without the credentials
 * @param user     null when the JDBC URL carries it
 * @param password null when the JDBC URL carries it (or none is needed)
 * @param display  where it is, without the password: for messages and logs
 */
public record PostgresUrl(String jdbcUrl, String user, String password, String display) {

    private static final String FORM = "postgresql://USER:PASSWORD@HOST:PORT/DATABASE or jdbc:postgresql://HOST:PORT/DATABASE";

    @Override
    public String toString() {
        return display;
    }

    /** @throws IllegalArgumentException naming the expected form when {@code url} is not one */
    public static PostgresUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The database URL is empty; expected " + FORM);
        }
        String text = url.strip();
        if (text.startsWith("jdbc:postgresql://")) {
            URI uri = uri(text.substring("jdbc:".length()), url);
            requireDatabase(uri, url);
            return new PostgresUrl(text, null, null, "postgresql://" + uri.getHost() + port(uri) + uri.getPath());
        }
        if (!text.startsWith("postgresql://") && !text.startsWith("postgres://")) {
            throw new IllegalArgumentException("Not a PostgreSQL URL: " + redact(url) + "; expected " + FORM);
        }
        URI uri = uri(text, url);
        requireDatabase(uri, url);
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = "jdbc:postgresql://" + uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1)
                + uri.getRawPath() + query;
        String who = user == null ? "" : user + "@";
        return new PostgresUrl(jdbc, user, password, "postgresql://" + who + uri.getHost() + port(uri) + uri.getPath());
    }

    private static URI uri(String text, String original) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("No host in the database URL " + redact(original) + "; expected " + FORM);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Malformed database URL " + redact(original) + " (" + e.getReason() + "); expected " + FORM);
        }
    }

    private static void requireDatabase(URI uri, String original) {
        if (uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("No database named in " + redact(original) + "; expected " + FORM);
        }
    }

    private static String port(URI uri) {
        return uri.getPort() < 0 ? "" : ":" + uri.getPort();
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    /** The URL with any password replaced, fit for a message. */
    static String redact(String url) {
        return url.replaceAll("(://[^:/@]*:)[^@/]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
