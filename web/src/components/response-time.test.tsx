import { screen } from '@testing-library/react';
import { renderWithProviders } from '@/testing/render';
import { ResponseTime, responseTimeText } from './response-time';

describe('response time', () => {
  it('says how long the institution usually takes, once it is known', () => {
    expect(responseTimeText(null)).toBeNull();
    expect(responseTimeText(undefined)).toBeNull();
    expect(responseTimeText(0)).toBe('Usually answers within a day.');
    expect(responseTimeText(9)).toBe('Usually answers within 9 days.');
    renderWithProviders(<ResponseTime days={9} />);
    expect(screen.getByLabelText('Response time')).toHaveTextContent('Usually answers within 9 days.');
  });

  it('shows nothing before there are enough decisions', () => {
    const { container } = renderWithProviders(<ResponseTime days={null} />);
    expect(container).not.toHaveTextContent('Usually answers');
  });
});
