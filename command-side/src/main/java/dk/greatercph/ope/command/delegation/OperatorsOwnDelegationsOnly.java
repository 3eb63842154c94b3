package dk.greatercph.ope.command.delegation;

import dk.greatercph.ope.platform.problem.DomainProblem;
import dk.greatercph.ope.platform.security.ActorMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.stereotype.Component;

/**
 * Refuses an operator's command on a delegation it was never offered an assignment on before the delegation is
 * loaded, with the same answer as for a delegation that does not exist: both then cost one indexed lookup, so
 * neither the answer nor its time tells an operator that a delegation exists. The delegation still makes its own,
 * finer check (a declined or withdrawn operator, another operator's assignment). Other roles pass untouched.
 */
@Component
class OperatorsOwnDelegationsOnly implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
    private final DelegationOperators operators;

    OperatorsOwnDelegationsOnly(DelegationOperators operators) {
        this.operators = operators;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        if (addressesExistingDelegation(command.getPayloadType())) {
            Object operator = command.getMetaData().get(ActorMetadata.OPERATOR);
            boolean asOperator = operator != null || "OPERATOR".equals(command.getMetaData().get(ActorMetadata.ROLE));
            if (asOperator && !(operator instanceof String id
                    && operators.everOffered(targets.resolveTarget(command).getIdentifier(), id))) {
                throw DomainProblem.notFound();
            }
        }
        return chain.proceed();
    }

    /** Every command of this package but the registration is addressed to a delegation that exists. */
    private static boolean addressesExistingDelegation(Class<?> type) {
        return type.getPackage() == RegisterDelegationCommand.class.getPackage()
                && type != RegisterDelegationCommand.class;
    }
}
