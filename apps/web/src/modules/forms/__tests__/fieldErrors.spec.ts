import type { FormInstance } from 'antd';
import { namePathOf, placeFieldErrors } from '../fieldErrors';

describe('the API’s field problems under the form’s inputs', () => {
  it('reads the API’s paths as the form names its fields', () => {
    expect(namePathOf('guardians[0].phone')).toEqual(['guardians', 0, 'phone']);
    expect(namePathOf('payload.reason', 'payload.')).toEqual(['reason']);
    expect(namePathOf('areas[2].priority')).toEqual(['areas', 2, 'priority']);
  });

  it('places what an input holds and hands back the rest for the message above the form', () => {
    const setFields = jest.fn();
    const rest = placeFieldErrors(
      { setFields } as unknown as FormInstance,
      [
        { field: 'payload.reason', problems: ['Lý do không được để trống'] },
        { field: 'expectedVersion', problems: ['phải là số'] },
      ],
      ['reason'],
      'payload.',
    );
    expect(setFields).toHaveBeenCalledWith([{ name: 'reason', errors: ['Lý do không được để trống'] }]);
    expect(rest).toEqual([{ field: 'expectedVersion', problems: ['phải là số'] }]);
  });

  it('takes a dotted field whole where an input is named by it, and as a path into a nested input otherwise', () => {
    const setFields = jest.fn();
    const rest = placeFieldErrors(
      { setFields } as unknown as FormInstance,
      [
        { field: 'person.fullName', problems: ['Họ tên không được để trống'] },
        { field: 'guardians[0].phone', problems: ['Số điện thoại chỉ gồm chữ số'] },
        { field: 'person.age', problems: ['không có ô này'] },
      ],
      ['person.fullName', 'guardians'],
    );
    expect(setFields).toHaveBeenCalledWith([
      { name: 'person.fullName', errors: ['Họ tên không được để trống'] },
      { name: ['guardians', 0, 'phone'], errors: ['Số điện thoại chỉ gồm chữ số'] },
    ]);
    expect(rest).toEqual([{ field: 'person.age', problems: ['không có ô này'] }]);
  });
});
