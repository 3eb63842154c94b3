package dk.greatercph.ope.platform.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/** Registers the one problem-details advice in every web process. */
@AutoConfiguration
@ConditionalOnWebApplication
@Import(ProblemDetailsAdvice.class)
public class ProblemAutoConfiguration {
}
