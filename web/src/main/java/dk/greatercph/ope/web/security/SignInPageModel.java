package dk.greatercph.ope.web.security;

import dk.greatercph.ope.platform.security.IdentityClaims;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;

/**
 * What the sign-in page needs to know: whether people sign in through the identity provider (and where that
 * starts), and why the provider's last sign-in was refused, as one of the known reasons only.
 */
@ControllerAdvice(basePackages = "dk.greatercph.ope.web.home")
class SignInPageModel {

    private final boolean identityProvider;

    SignInPageModel(ObjectProvider<IssuerClientRegistration> registration) {
        this.identityProvider = registration.getIfAvailable() != null;
    }

    @ModelAttribute("oidcLogin")
    String oidcLogin() {
        return identityProvider ? IssuerClientRegistration.signInPath() : null;
    }

    @ModelAttribute("signInRefusal")
    String signInRefusal(@RequestParam(name = "refused", required = false) String refused) {
        return Arrays.stream(IdentityClaims.Refusal.values()).map(Enum::name)
                .filter(name -> name.equals(refused)).findFirst().orElse(null);
    }
}
