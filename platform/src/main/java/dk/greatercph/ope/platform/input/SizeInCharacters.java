package dk.greatercph.ope.platform.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

/**
 * {@link Size} of a text counted in characters (Unicode code points), as the OpenAPI document's {@code minLength}
 * and {@code maxLength} count them (JSON Schema) and as PostgreSQL counts a text's length: bean validation's own
 * validator counts UTF-16 units, so 200 Chinese characters outside the basic plane, or emoji, were refused as 400
 * long. Registered for {@link String}, more specific than the built-in validator's {@code CharSequence}, so
 * collections keep theirs.
 */
public final class SizeInCharacters implements ConstraintValidator<Size, String> {

    private int min;
    private int max;

    @Override
    public void initialize(Size size) {
        if (size.min() < 0 || size.max() < size.min()) {
            throw new IllegalArgumentException("@Size needs 0 <= min <= max, not " + size.min() + ".." + size.max());
        }
        this.min = size.min();
        this.max = size.max();
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
        if (text == null) {
            return true;
        }
        int characters = text.codePointCount(0, text.length());
        return characters >= min && characters <= max;
    }
}
