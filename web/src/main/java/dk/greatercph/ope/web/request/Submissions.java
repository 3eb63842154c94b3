package dk.greatercph.ope.web.request;

import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The request forms a session has sent, by the submission token each form carries: being registered, or the page of
 * the delegation it registered. The newest {@link #KEPT} are kept. A token that is no UUID is not tracked (a form
 * from before the token existed is registered as before).
 */
final class Submissions implements Serializable {

    static final int KEPT = 50;
    private static final String ATTRIBUTE = Submissions.class.getName();
    private static final String PENDING = "";
    private static final long WAIT_MILLIS = 10_000;

    private final Map<String, String> byToken = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    };

    static Submissions of(HttpSession session) {
        synchronized (Submissions.class) {
            Submissions submissions = (Submissions) session.getAttribute(ATTRIBUTE);
            if (submissions == null) {
                submissions = new Submissions();
                session.setAttribute(ATTRIBUTE, submissions);
            }
            return submissions;
        }
    }

    /** True if this post is the token's first (or the token is not tracked); false if another came before it. */
    synchronized boolean begin(String token) {
        if (!tracked(token)) {
            return true;
        }
        if (byToken.containsKey(token)) {
            return false;
        }
        byToken.put(token, PENDING);
        return true;
    }

    /**
     * The page the token's first post opened, waiting (at most ten seconds) while that post is still being
     * registered; null when it was refused, so that this post is registered (or refused) on its own.
     */
    synchronized String registered(String token) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (PENDING.equals(byToken.get(token)) && System.currentTimeMillis() < deadline) {
            try {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        String page = byToken.get(token);
        if (page == null || PENDING.equals(page)) {
            byToken.put(token, PENDING); // this post registers it now
            return null;
        }
        return page;
    }

    /** The token's first post is done: the page it opened, or null if it was refused (the token may be sent again). */
    synchronized void end(String token, String page) {
        if (!tracked(token)) {
            return;
        }
        if (page == null) {
            byToken.remove(token);
        } else {
            byToken.put(token, page);
        }
        notifyAll();
    }

    private static boolean tracked(String token) {
        if (token == null) {
            return false;
        }
        try {
            return UUID.fromString(token).toString().equals(token);
        } catch (IllegalArgumentException notOne) {
            return false;
        }
    }
}
