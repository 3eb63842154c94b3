package dk.greatercph.ope.app.web;

import dk.greatercph.ope.platform.problem.ProblemCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages speak Danish and English alike: every key of every {@code pages/*.properties} bundle has its twin in the
 * other language, and every refusal code the API can answer (each constant of each {@link ProblemCode} enum of the
 * product, found as the OpenAPI document finds them) is explained in plain words in both.
 */
class PageMessagesTest {

    @Test
    void everyBundleHasTheSameKeysInDanishAndEnglish() throws IOException {
        Map<String, Properties> bundles = bundles();
        assertThat(bundles).containsKeys("messages", "messages_en", "request", "request_en", "delegation",
                "delegation_en", "problems", "problems_en");
        for (Map.Entry<String, Properties> bundle : bundles.entrySet()) {
            String name = bundle.getKey();
            String twin = name.endsWith("_en") ? name.substring(0, name.length() - 3) : name + "_en";
            assertThat(bundles).as("%s has a twin %s", name, twin).containsKey(twin);
            Set<String> missing = new TreeSet<>(bundle.getValue().stringPropertyNames());
            missing.removeAll(bundles.get(twin).stringPropertyNames());
            assertThat(missing).as("keys of %s missing in %s", name, twin).isEmpty();
            bundle.getValue().forEach((key, value) ->
                    assertThat(value.toString()).as("%s in %s", key, name).isNotBlank());
        }
    }

    /**
     * The pages read all bundles as one: a key in two bundles of a language shows the words of whichever comes first by
     * name, everywhere. The inbox's "see the message beside the field" and the audit page's "cannot be read as a
     * checkpoint" were said on every page that way.
     */
    @Test
    void noKeyIsDefinedInTwoBundlesOfOneLanguage() throws IOException {
        Map<String, String> firstBundle = new LinkedHashMap<>();
        Set<String> twice = new TreeSet<>();
        bundles().forEach((name, properties) -> properties.stringPropertyNames().forEach(key -> {
            String language = name.endsWith("_en") ? "en" : "da";
            String earlier = firstBundle.putIfAbsent(language + ":" + key, name);
            if (earlier != null) {
                twice.add(key + " in " + earlier + " and " + name);
            }
        }));
        assertThat(twice).isEmpty();
    }

    @Test
    void anOutboxRowsAttemptsAreCountedInTheRightNumber() throws IOException {
        String english = merged(bundles(), true).getProperty("outbox.attempts");
        String danish = merged(bundles(), false).getProperty("outbox.attempts");
        // the English read "1 attempts"
        assertThat(Stream.of(0, 1, 15).map(n -> new MessageFormat(english, Locale.ENGLISH).format(new Object[] {n})))
                .containsExactly("0 attempts", "1 attempt", "15 attempts");
        Locale da = Locale.forLanguageTag("da");
        assertThat(Stream.of(1, 15).map(n -> new MessageFormat(danish, da).format(new Object[] {n})))
                .containsExactly("1 forsøg", "15 forsøg");
    }

    @Test
    void everyProblemCodeIsExplainedInPlainWordsInBothLanguages() throws IOException {
        Set<String> codes = problemCodes();
        assertThat(codes).contains("NO_BUSINESS_FOCUS", "COST_COVERAGE_MISSING", "DOUBLE_BOOKING", "STALE_VERSION",
                "DELEGATION_CLOSED", "SCOPE_REQUEST_CLOSED", "NOT_ROUTED");
        Properties danish = merged(bundles(), false);
        Properties english = merged(bundles(), true);
        Set<String> missing = new TreeSet<>();
        for (String code : codes) {
            for (Properties language : new Properties[]{danish, english}) {
                String words = language.getProperty("problem." + code);
                if (words == null || words.isBlank() || words.contains(code)) {
                    missing.add(code + (language == danish ? " (da)" : " (en)"));
                }
            }
        }
        assertThat(missing).as("problem codes without plain words").isEmpty();
        assertThat(danish.getProperty("problem.NO_BUSINESS_FOCUS")).contains("forretningsmulighed", "R2");
        assertThat(english.getProperty("problem.STALE_VERSION")).contains("changed meanwhile", "Reload");
    }

    private static Set<String> problemCodes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ProblemCode.class));
        Set<String> codes = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dk.greatercph.ope")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), PageMessagesTest.class.getClassLoader());
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    codes.add(((ProblemCode) constant).name());
                }
            }
        }
        return codes;
    }

    private static Properties merged(Map<String, Properties> bundles, boolean english) {
        Properties all = new Properties();
        bundles.forEach((name, bundle) -> {
            if (name.endsWith("_en") == english) {
                all.putAll(bundle);
            }
        });
        return all;
    }

    /** The audit log and a delegation's history say every event in words; an event without them showed its class. */
    @Test
    void everyEventTypeIsNamedInWordsInBothLanguages() throws IOException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter((reader, factory) -> reader.getClassMetadata().getClassName().endsWith("Event")
                && reader.getClassMetadata().getSuperClassName() != null
                && reader.getClassMetadata().getSuperClassName().equals("java.lang.Record"));
        Map<String, Properties> bundles = bundles();
        java.util.List<String> types = scanner.findCandidateComponents("dk.greatercph.ope.events").stream()
                .map(candidate -> candidate.getBeanClassName().substring(candidate.getBeanClassName().lastIndexOf('.') + 1))
                .toList();
        assertThat(types).contains("DelegationRegisteredEvent", "ItineraryItemRemovedEvent");
        for (String type : types) {
            assertThat(bundles.get("delegation").getProperty("event." + type)).as(type + " in Danish").isNotBlank();
            assertThat(bundles.get("delegation_en").getProperty("event." + type)).as(type + " in English").isNotBlank();
        }
    }

    /** Who did something is named with their role in words: the audit log showed "system (SYSTEM)". */
    @Test
    void everyActorRoleIsNamedInWordsInBothLanguages() throws IOException {
        Map<String, Properties> bundles = bundles();
        java.util.List<String> roles = new java.util.ArrayList<>(Stream.of(dk.greatercph.ope.platform.security.Role
                .values()).map(Enum::name).toList());
        roles.add("SYSTEM");
        for (String role : roles) {
            assertThat(bundles.get("messages").getProperty("role." + role)).as(role + " in Danish").isNotBlank();
            assertThat(bundles.get("messages_en").getProperty("role." + role)).as(role + " in English").isNotBlank();
        }
    }

    private static Map<String, Properties> bundles() throws IOException {
        Map<String, Properties> bundles = new LinkedHashMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:pages/*.properties")) {
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            String name = resource.getFilename().replace(".properties", "").replaceFirst("_da$", "");
            bundles.put(name, properties);
        }
        return bundles;
    }
}
