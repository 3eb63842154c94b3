package dk.greatercph.ope.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether the application may run on a database that acknowledges commits before they are on disk.
 *
 * @param acceptUnsafeCommits {@code true} starts anyway (with a warning) when {@code synchronous_commit} or
 *                            {@code fsync} is off; the default refuses to start
 */
@ConfigurationProperties("ope.durability")
public record DurabilityProperties(boolean acceptUnsafeCommits) {
}
