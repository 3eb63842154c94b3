package dk.greatercph.ope.command;

import dk.greatercph.ope.platform.problem.DomainProblem;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A {@link DomainProblem} that a command handler (or another handler interceptor) throws leaves the command side as
 * a {@link CommandExecutionException} whose details are the problem's code, kind and text. Across Axon Server only
 * those details travel, serialized; the exception's class does not. The problem advice answers from the details,
 * so the client gets the same status and code whether the command ran in this process or in another. Outermost,
 * so that it also wraps what the other interceptors refuse.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemWrappingInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (DomainProblem problem) {
            throw new CommandExecutionException(problem.getMessage(), problem, problem.details());
        }
    }
}
