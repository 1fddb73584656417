package dev.fleetjobs.store.sql;

import dev.fleetjobs.store.Page;
import java.util.List;
import java.util.function.Function;

/** Cuts a page from rows fetched with one more than the limit: the extra row only tells that there is more. */
final class Paging {

    private Paging() {
    }

    static <T> Page<T> cut(List<T> rows, int limit, Function<T, String> cursorOfLast) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, cursorOfLast.apply(items.get(limit - 1)));
    }

    static void checkLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** The smallest string greater than every string that starts with {@code prefix}, for a range scan. */
    static String prefixEnd(String prefix) {
        if (prefix == null) {
            return null;
        }
        int last = prefix.length() - 1;
        return prefix.substring(0, last) + (char) (prefix.charAt(last) + 1);
    }
}
