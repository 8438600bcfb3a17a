package org.example.bootapp;

/** On Boot's embedded H2, with nothing configured. */
class StaffingOnH2Test extends StaffingContract {
}
