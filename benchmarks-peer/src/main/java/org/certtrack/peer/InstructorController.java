package org.certtrack.peer;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /instructors?page=P&size=S}: a page of instructors by name, each with their engineers. */
@RestController
public class InstructorController {

    private final InstructorService instructors;

    public InstructorController(InstructorService instructors) {
        this.instructors = instructors;
    }

    @GetMapping("/instructors")
    public List<InstructorJson> list(@PageableDefault(size = 20) Pageable page) {
        return instructors.page(page);
    }
}
