package dk.greatercph.ope.command.delegation.web;

import dk.greatercph.ope.platform.input.CountryCodes;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A request from China names its province; elsewhere province and city are optional. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ProvinceNamedForChina.Validator.class)
@interface ProvinceNamedForChina {

    String message() default "must not be blank for a request from China (country CN)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ProvinceNamedForChina, RequestFields> {

        @Override
        public boolean isValid(RequestFields request, ConstraintValidatorContext context) {
            if (!CountryCodes.CHINA.equals(request.countryOrDefault())
                    || (request.originProvince() != null && !request.originProvince().isBlank())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("originProvince").addConstraintViolation();
            return false;
        }
    }
}
