package dk.greatercph.ope.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tamper evidence: recompute the hash chain, hand out signed checkpoints, and check kept ones. */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Audit")
class AuditChainController {

    private final ChainVerifier verifier;
    private final CheckpointSigner signer;

    AuditChainController(ChainVerifier verifier, CheckpointSigner signer) {
        this.verifier = verifier;
        this.signer = signer;
    }

    @GetMapping("/verify")
    @Operation(summary = "Recompute the tamper-evident hash chain over the whole event log",
            description = "Reads every stored event in order, recomputes its SHA-256 link and compares it with the "
                    + "link written when it was appended. Answers ok, or the first event that was altered, has no "
                    + "link, or is missing.")
    ChainVerification verify() {
        return verifier.verify();
    }

    @GetMapping("/checkpoint")
    @Operation(summary = "A signed checkpoint of the log: position and chain head, to keep outside the system",
            description = "Signed with Ed25519. Keep the whole JSON; post it to /api/audit/checkpoint/verification "
                    + "later, or check the signature yourself with the public key it carries.")
    Checkpoint checkpoint() {
        return signer.issue();
    }

    @PostMapping(path = "/checkpoint/verification", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Check a kept checkpoint against this system's key and today's log",
            description = "The signature must be this system's, and recomputing the chain from today's events up to "
                    + "the checkpoint's position must reach the same chain head.")
    CheckpointVerification verifyCheckpoint(@Valid @RequestBody Checkpoint checkpoint) {
        boolean signatureValid = signer.signatureValid(checkpoint);
        ChainVerification chain = verifier.verifyUpTo(checkpoint.position());
        boolean logMatches = chain.ok() && chain.position() == checkpoint.position()
                && chain.chainHead().equals(checkpoint.chainHead());
        return new CheckpointVerification(signatureValid, logMatches, chain);
    }
}
