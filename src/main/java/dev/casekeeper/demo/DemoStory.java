package dev.casekeeper.demo;

/** One or a few related cases of the demo workspace, told through the facades. */
interface DemoStory {

    void tell(DemoDesk desk, DemoStaff staff);
}
