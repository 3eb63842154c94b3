package dk.greatercph.ope.command.imports.web;

import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.problem.ProblemKind;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A dry run's command is handled in full — the same checks, the aggregate's own included — and then refused with
 * {@value #DRY_RUN_PASSED}, so that its unit of work rolls back and nothing is recorded, on whichever command bus
 * handles it.
 */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    /** Command metadata that marks a dry run; set only by the import, never from a client. */
    static final String DRY_RUN = "importDryRun";
    static final String DRY_RUN_PASSED = "DRY_RUN_PASSED";

    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> importDryRunRollsBack() {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (Boolean.TRUE.equals(unitOfWork.getMessage().getMetaData().get(DRY_RUN))) {
                throw new DomainProblem(DRY_RUN_PASSED, ProblemKind.INVALID_INPUT,
                        "A dry run: the command passed every check and was not recorded.");
            }
            return result;
        };
    }
}
