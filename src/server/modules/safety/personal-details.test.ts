import { describe, expect, it } from 'vitest';
import { personalDetails } from './personal-details';

describe('personalDetails', () => {
  it.each([
    'Ring me on 07700 900123 any time.',
    'My mobile is 07700-900-123.',
    'Call 07700900123.',
    'Home: 0113 496 0000',
    'London office (020) 7946 0958',
    'From abroad: +44 20 7946 0958',
    'Or +44 (0)20 7946 0958',
    '+447700900123',
    'The helpline is 0800 123 4567.',
    'Call me at (555) 123-4567.',
    'My cell is 555-123-4567',
    'Or 555.123.4567',
    'From the UK: +1 555 123 4567',
    'Toll free 1-800-555-0199',
    'Paris: +33 1 42 68 53 00',
  ])('finds a phone number in "%s"', (text) => {
    expect(personalDetails(text)).toEqual(['phone']);
  });

  it.each([
    'Email me at sam.jones@example.co.uk',
    'sam+stroke@gmail.com is best',
    'write to SAM_JONES@EXAMPLE.ORG',
    'it is sam dot jones at gmail dot com',
    'samjones (at) hotmail (dot) co.uk',
  ])('finds an email address in "%s"', (text) => {
    expect(personalDetails(text)).toEqual(['email']);
  });

  it.each([
    'I live at 12 Acacia Avenue.',
    'Come round to 221B Baker Street',
    'We are at 1600 Pennsylvania Ave NW',
    'Flat 3, 14 Church Road',
    'it is 7 mill lane in the village',
    'Our postcode is LS1 3AB.',
    'near SW1A 1AA',
    'm1 1ae',
    'Springfield, IL 62704',
    'New York, NY 10001-1234',
    'Write to PO Box 123',
  ])('finds an address in "%s"', (text) => {
    expect(personalDetails(text)).toEqual(['address']);
  });

  it('finds every kind at once, in order', () => {
    expect(
      personalDetails('Sam, 12 Acacia Avenue, LS1 3AB, 07700 900123, sam@example.com'),
    ).toEqual(['phone', 'email', 'address']);
  });

  it.each([
    // dates and years
    'My stroke was on 12/03/2024.',
    'It happened 2024-03-12 in the morning.',
    'I had strokes in 2019 and 2021.',
    'From 1998-2003 I worked as a nurse.',
    'Years: 2019 2020 2021 were hard.',
    '3 March 2024 was my first day home.',
    // times
    'Physio is at 10:30 and speech at 2 pm.',
    'Tablets at 8.00 12.00 18.00 22.00.',
    'I wake at 6am and sleep by 9pm.',
    // doses, counts and measures
    'I take 10 mg of amlodipine and 75 mg aspirin.',
    'Blood pressure was 140/90 today.',
    'I walked 3 miles down the road!',
    'I did 2 laps of the park.',
    'It takes 20 minutes to walk up the hill.',
    'I managed 100 steps along the lane.',
    'I am 67 years old.',
    'It cost £12.50 for the taxi.',
    'I take 3 x 20 mg a day.',
    'Vitamin B12 1mg and D3 1000 IU.',
    'Count with me: 1 2 3 4 5 6 7 8 9 10.',
    // rooms, wards and crisis lines
    'I was in Room 4 on Ward 12, bay 3.',
    'Call Samaritans on 116 123, it is free.',
    'Ring NHS 111 or 999 in an emergency.',
    'In the US call or text 988.',
    // ordinary words that look a little like addresses
    'I have 2 lovely grandchildren and a dog.',
    'We had 3 good days, way better than last week.',
    'It is 5 minutes walk from the station.',
    'There were 40 people at the stroke club.',
    'My email is down, I will ring you.',
    'Meet at the café at 11.',
  ])('finds nothing in "%s"', (text) => {
    expect(personalDetails(text)).toEqual([]);
  });
});
