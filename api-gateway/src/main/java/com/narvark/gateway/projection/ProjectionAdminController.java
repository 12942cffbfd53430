package com.narvark.gateway.projection;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator API (admin token): rebuild a read-model projection from the event store and follow its progress. */
@RestController
@RequestMapping("/v1/admin/projections")
class ProjectionAdminController {

    private final ProjectionRebuilder rebuilder;

    ProjectionAdminController(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProjectionStatus rebuild(@PathVariable String name) {
        return rebuilder.rebuild(name);
    }

    @GetMapping("/{name}")
    ProjectionStatus status(@PathVariable String name) {
        return rebuilder.status(name);
    }
}
