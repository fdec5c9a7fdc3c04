#pragma once

#include "compact/calendar/date.hpp"

namespace compact {

// Easter Sunday of a Gregorian year (1583 onwards), by the anonymous Gregorian algorithm (Meeus,
// Astronomical Algorithms, ch. 8; Jones 1876; Butcher 1876). It is the arithmetic form of the
// Gregorian computus:
//   a     the year's place in the 19-year Metonic cycle (golden number - 1): the lunar phase;
//   b..g  the century's solar correction (dropped leap days, d) and lunar correction (g, via f);
//   h     days from 21 March to the paschal full moon, mod 30 (the corrected epact);
//   l     days from that full moon to the following Sunday;
//   m     the correction for the two exceptional epacts that would put Easter after 25 April.
// Easter is then h + l - 7m + 22 days after 28 February, written as month and day below. Checked
// against Python's dateutil (an independent implementation) for every year 1900-2199 and against
// GOV.UK's dates.
inline Date easter_sunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
              static_cast<unsigned short>(day));
}

}  // namespace compact
