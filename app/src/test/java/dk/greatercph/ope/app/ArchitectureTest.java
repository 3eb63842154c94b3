package dk.greatercph.ope.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.core.domain.JavaModifier.PUBLIC;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house rules of the module map (README, STYLE.md), checked on the production classes of every module: the
 * published language knows no side, the sides never import each other, the shared platform imports neither, domain
 * code imports no web code, test doubles stay in tests, and what need not be public is not.
 */
@AnalyzeClasses(packages = "dk.greatercph.ope", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String EVENTS = "dk.greatercph.ope.events..";
    private static final String COMMAND_SIDE = "dk.greatercph.ope.command..";
    private static final String QUERY_SIDE = "dk.greatercph.ope.query..";
    private static final String PLATFORM = "dk.greatercph.ope.platform..";

    @ArchTest
    static final ArchRule eventsKnowNoSide = classes().that().resideInAPackage(EVENTS)
            .should().onlyDependOnClassesThat().resideInAnyPackage(EVENTS, "java..", "org.axonframework.serialization..")
            .because("the published language (shared-events) depends on nothing but Axon's @Revision");

    @ArchTest
    static final ArchRule theCommandSideNeverImportsTheQuerySide = noClasses().that().resideInAPackage(COMMAND_SIDE)
            .should().dependOnClassesThat().resideInAPackage(QUERY_SIDE);

    @ArchTest
    static final ArchRule theQuerySideNeverImportsTheCommandSide = noClasses().that().resideInAPackage(QUERY_SIDE)
            .should().dependOnClassesThat().resideInAPackage(COMMAND_SIDE);

    @ArchTest
    static final ArchRule thePlatformImportsNeitherSide = noClasses().that().resideInAPackage(PLATFORM)
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND_SIDE, QUERY_SIDE)
            .because("both sides build on the platform, so it cannot know them");

    @ArchTest
    static final ArchRule domainCodeNeverImportsWebCode = noClasses()
            .that().resideInAPackage("dk.greatercph.ope.command.(*)..")
            .and().resideOutsideOfPackage("dk.greatercph.ope.command..web..")
            .should().dependOnClassesThat().resideInAPackage("dk.greatercph.ope..web..")
            .because("aggregates, commands and rules answer in domain terms; the web layer translates them to HTTP");

    @ArchTest
    static final ArchRule testDoublesLiveInTestsOnly = noClasses()
            .should().haveSimpleNameStartingWith("Fake")
            .orShould().haveSimpleNameStartingWith("Stub")
            .orShould().haveSimpleNameStartingWith("InMemory")
            .because("fakes, stubs and in-memory stand-ins belong to test packages, never to what is shipped");

    @ArchTest
    static final ArchRule controllersAreNotPublic = classes().that().areAnnotatedWith(RestController.class)
            .should().notHaveModifier(PUBLIC)
            .because("a controller is reached through HTTP, never through Java");

    @ArchTest
    static final ArchRule jdbcImplementationsAreNotPublic = classes().that().haveSimpleNameStartingWith("Jdbc")
            .should().notHaveModifier(PUBLIC)
            .because("callers use the interface a JDBC implementation stands behind, never the implementation");
}
